import { section } from './cfn-template.ts';
import { parseCfnYaml } from './parse-cfn-yaml.ts';

function typesIn(resources: Record<string, unknown>): string[] {
  return Object.entries(resources).flatMap(([key, value]) => {
    if (key.startsWith('Fn::ForEach::') && Array.isArray(value)) {
      return typesIn((value[2] ?? {}) as Record<string, unknown>);
    }
    const type = (value as { Type?: unknown } | null)?.Type;
    return typeof type === 'string' ? [type] : [];
  });
}

/** The resource types a template declares, `Fn::ForEach` bodies included, sorted and once each. */
export function usedResourceTypes(templateText: string): string[] {
  return [...new Set(typesIn(section(parseCfnYaml(templateText), 'Resources')))].sort();
}
