/**
 * The part of bpmn-moddle 10 that bpmn/ uses. The package ships element interfaces under
 * `bpmn-moddle/types` but no declaration for its entry point; elements are read through the
 * narrow accessors in `moddle.ts`, so a structural element type is all we need here.
 */
declare module 'bpmn-moddle' {
  export interface PropertyDescriptor {
    name: string;
    type: string;
    isMany?: boolean;
    isReference?: boolean;
    isAttr?: boolean;
    isBody?: boolean;
    isVirtual?: boolean;
  }

  export interface ModdleElement {
    readonly $type: string;
    $parent?: ModdleElement;
    $attrs: Record<string, string>;
    readonly $descriptor: { properties: PropertyDescriptor[] };
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    [property: string]: unknown;
  }

  export interface ParseWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: string;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    warnings: ParseWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}
