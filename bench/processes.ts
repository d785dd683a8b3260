import type { Answer, DefinitionInput } from '@baton/engine';

/**
 * The benchmark processes, each built once as a neutral graph and then written both as a Baton
 * definition and as BPMN 2.0 XML for bpmn-engine, so both engines run the very same structure.
 */
export type NodeKind = 'start' | 'end' | 'task' | 'userTask' | 'exclusive' | 'parallel';

export interface GraphNode {
  id: string;
  kind: NodeKind;
}

export interface GraphFlow {
  id: string;
  source: string;
  target: string;
  /** Taken when the boolean variable `approved` is true. */
  whenApproved?: true;
  default?: true;
}

export interface BenchProcess {
  name: string;
  baton: DefinitionInput;
  bpmn: string;
  /** Answers for user tasks by node id; tasks without one complete at once with no variables. */
  answers: Record<string, Answer[]>;
  /** User tasks one instance visits: both engines must report this many. */
  userTasks: number;
}

class Graph {
  readonly nodes: GraphNode[] = [];
  readonly flows: GraphFlow[] = [];
  node(id: string, kind: NodeKind): string {
    this.nodes.push({ id, kind });
    return id;
  }
  flow(source: string, target: string, extra: Partial<GraphFlow> = {}): void {
    this.flows.push({ id: `f${this.flows.length + 1}`, source, target, ...extra });
  }
}

/** start → 10 automatic tasks → end. */
function linear10(): Graph {
  const g = new Graph();
  let previous = g.node('start', 'start');
  for (let i = 1; i <= 10; i++) {
    const task = g.node(`task${i}`, 'task');
    g.flow(previous, task);
    previous = task;
  }
  g.flow(previous, g.node('end', 'end'));
  return g;
}

/** approve → decision (approved? else back to approve) → 3 parallel user tasks → join → end. */
function approval(): Graph {
  const g = new Graph();
  g.flow(g.node('start', 'start'), g.node('approve', 'userTask'));
  g.flow('approve', g.node('decision', 'exclusive'));
  g.flow('decision', g.node('split', 'parallel'), { whenApproved: true });
  g.flow('decision', 'approve', { default: true });
  g.node('join', 'parallel');
  for (const id of ['legal', 'finance', 'hr']) {
    g.flow('split', g.node(id, 'userTask'));
    g.flow(id, 'join');
  }
  g.flow('join', g.node('end', 'end'));
  return g;
}

/** 60 stages, each a parallel split into 30 user tasks and a join. */
function construction1800(): Graph {
  const g = new Graph();
  let previous = g.node('start', 'start');
  for (let s = 1; s <= 60; s++) {
    const split = g.node(`s${s}_split`, 'parallel');
    const join = g.node(`s${s}_join`, 'parallel');
    g.flow(previous, split);
    for (let t = 1; t <= 30; t++) {
      const task = g.node(`s${s}_t${t}`, 'userTask');
      g.flow(split, task);
      g.flow(task, join);
    }
    previous = join;
  }
  g.flow(previous, g.node('end', 'end'));
  return g;
}

const BATON_TYPES: Record<NodeKind, string> = {
  start: 'start',
  end: 'end',
  task: 'automatic',
  userTask: 'userTask',
  exclusive: 'exclusive',
  parallel: 'parallel',
};

function toBaton(name: string, g: Graph): DefinitionInput {
  return {
    key: name,
    name,
    variables: [{ id: 'approved', type: 'boolean', default: false }],
    nodes: g.nodes.map((n) => ({ id: n.id, type: BATON_TYPES[n.kind] })),
    flows: g.flows.map((f) => ({
      id: f.id,
      source: f.source,
      target: f.target,
      ...(f.whenApproved ? { condition: 'approved' } : {}),
      ...(f.default ? { default: true } : {}),
    })),
  };
}

const BPMN_TAGS: Record<NodeKind, string> = {
  start: 'startEvent',
  end: 'endEvent',
  task: 'task',
  userTask: 'userTask',
  exclusive: 'exclusiveGateway',
  parallel: 'parallelGateway',
};

/** BPMN for bpmn-engine; the condition is in its expression syntax, reading what the harness stored. */
function toBpmn(name: string, g: Graph): string {
  const defaults = new Map(g.flows.filter((f) => f.default).map((f) => [f.source, f.id]));
  const nodes = g.nodes.map((n) => {
    const flow = defaults.get(n.id);
    return `    <${BPMN_TAGS[n.kind]} id="${n.id}"${flow ? ` default="${flow}"` : ''} />`;
  });
  const flows = g.flows.map((f) => {
    const head = `    <sequenceFlow id="${f.id}" sourceRef="${f.source}" targetRef="${f.target}"`;
    if (!f.whenApproved) return `${head} />`;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bpmn-engine's own expression syntax
    const condition = '${environment.output.approved}';
    return `${head}>\n      <conditionExpression xsi:type="tFormalExpression">${condition}</conditionExpression>\n    </sequenceFlow>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="bench" targetNamespace="http://baton.dev/bench">',
    `  <process id="${name}" isExecutable="true">`,
    ...nodes,
    ...flows,
    '  </process>',
    '</definitions>',
    '',
  ].join('\n');
}

function build(name: string, g: Graph, answers: Record<string, Answer[]>, userTasks: number): BenchProcess {
  return { name, baton: toBaton(name, g), bpmn: toBpmn(name, g), answers, userTasks };
}

export const PROCESSES: Record<string, () => BenchProcess> = {
  linear10: () => build('linear10', linear10(), {}, 0),
  approval: () => build('approval', approval(), { approve: [{ approved: false }, { approved: true }] }, 5),
  construction1800: () => build('construction1800', construction1800(), {}, 1800),
};
