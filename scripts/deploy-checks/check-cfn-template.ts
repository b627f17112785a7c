import { loadCfnTemplate, type ParameterValues } from './cfn-template.ts';
import { checkTemplateReferences } from './check-template-references.ts';
import { resolveScenario } from './resolve-scenario.ts';
import type { ProviderSchema } from './resource-schemas.ts';
import { createPropertyValidator } from './validate-resource-properties.ts';

/**
 * What cfn-lint would say about a template, for machines without cfn-lint: the names it uses exist,
 * every parameter is used, and, for each named scenario (a set of parameter values), the values pass
 * the parameter constraints and Rules and every resource created then matches its provider schema.
 * Returns one line per problem; empty means clean. Anything it cannot evaluate is reported, not passed.
 */
export function checkCfnTemplate(
  text: string,
  schemas: Map<string, ProviderSchema>,
  scenarios: Record<string, ParameterValues>,
): string[] {
  const problems = new Set<string>();
  const validateProperties = createPropertyValidator(schemas);
  const report = (scenario: string, run: () => string[]) => {
    try {
      for (const line of run()) problems.add(line);
    } catch (error) {
      problems.add(`${scenario}: ${(error as Error).message}`);
    }
  };
  for (const [scenario, values] of Object.entries(scenarios)) {
    report(scenario, () => checkTemplateReferences(loadCfnTemplate(text, values), schemas));
    report(scenario, () => {
      const { problems: valueProblems, resources } = resolveScenario(
        loadCfnTemplate(text, values),
        values,
        schemas,
      );
      const propertyProblems = Object.entries(resources).flatMap(([name, resource]) =>
        validateProperties(name, resource.Type, resource.Properties ?? {}),
      );
      return [...valueProblems, ...propertyProblems].map((line) => `${scenario}: ${line}`);
    });
  }
  return [...problems];
}
