import type { Department } from '../../api/types.ts';

export interface DepartmentNode {
  department: Department;
  children: DepartmentNode[];
}

/** Departments as a tree (roots: no parent, or a parent that is not listed), each level sorted by name. */
export function buildTree(departments: readonly Department[]): DepartmentNode[] {
  const nodes = new Map(departments.map((d) => [d.id, { department: d, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.department.name.localeCompare(b.department.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * Options for a department picker in tree order, each labelled with its path ("Management / Sales") so
 * two departments of the same name under different parents can be told apart.
 */
export function departmentOptions(departments: readonly Department[]): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (nodes: DepartmentNode[], path: string) => {
    for (const { department, children } of nodes) {
      const label = path ? `${path} / ${department.name}` : department.name;
      out.push({ value: department.id, label });
      walk(children, label);
    }
  };
  walk(buildTree(departments), '');
  return out;
}
