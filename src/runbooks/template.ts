/**
 * Runbook parameter templates: plain text with `{{placeholder}}`s. A trailing `?` inside the braces
 * (`{{config.automationRoleArn?}}`) makes a placeholder optional: when it has no value it becomes
 * '' and a parameter that resolves to '' is left out (SSM refuses empty values). Pure.
 */

/** Every placeholder a template may use, with what it means (shown in config errors and docs). */
export const PLACEHOLDERS = {
  'resource.id': 'the DB instance, cluster or snapshot identifier',
  'resource.arn': "the resource's ARN",
  'resource.resourceId': 'DbiResourceId (instance) or DbClusterResourceId (cluster), e.g. db-ABC…',
  'incident.arn': "the incident's Incident Manager ARN",
  'config.automationRoleArn': 'automation.roleArn from the config',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

/** The values known for one incident; absent means "not known here". */
export type TemplateValues = Partial<Record<Placeholder, string>>;

const PATTERN = /\{\{\s*([A-Za-z.]+)(\?)?\s*\}\}/g;

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** The placeholders a template names, known or not, each once. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PATTERN)].map((match) => match[1] ?? ''))];
}

/** Problems with a template's placeholders, checked once at config load. */
export function checkTemplate(template: string): string[] {
  return placeholdersIn(template)
    .filter((name) => !isPlaceholder(name))
    .map(
      (name) =>
        `unknown placeholder {{${name}}} (known: ${Object.keys(PLACEHOLDERS)
          .map((known) => `{{${known}}}`)
          .join(', ')})`,
    );
}

export type ResolvedParameters =
  | { ok: true; values: Record<string, string> }
  | { ok: false; problems: string[] };

/**
 * Fills every template. Parameters that come out empty are dropped. A required placeholder with
 * no value is a problem naming the parameter and what is missing, so the person can be told why.
 */
export function resolveTemplates(
  templates: Readonly<Record<string, string>>,
  values: TemplateValues,
): ResolvedParameters {
  const problems: string[] = [];
  const resolved: Record<string, string> = {};
  for (const [name, template] of Object.entries(templates)) {
    const value = template.replace(PATTERN, (_whole, key: string, optional?: string) => {
      if (!isPlaceholder(key)) {
        problems.push(`${name}: unknown placeholder {{${key}}}`);
        return '';
      }
      const known = values[key];
      if (known === undefined || known === '') {
        if (!optional) problems.push(`${name} needs {{${key}}} (${PLACEHOLDERS[key]}), which is not known`);
        return '';
      }
      return known;
    });
    if (value.trim() !== '') resolved[name] = value.trim();
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values: resolved };
}
