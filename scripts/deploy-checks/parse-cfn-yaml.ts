import { type CollectionTag, parseDocument, type ScalarTag, type YAMLMap, type YAMLSeq } from 'yaml';

/** The intrinsic functions with a `!Short` YAML form, and the long key each stands for. */
const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  Base64: 'Fn::Base64',
  GetAZs: 'Fn::GetAZs',
  Cidr: 'Fn::Cidr',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
  Contains: 'Fn::Contains',
  EachMemberEquals: 'Fn::EachMemberEquals',
  EachMemberIn: 'Fn::EachMemberIn',
  RefAll: 'Fn::RefAll',
  ValueOf: 'Fn::ValueOf',
  ValueOfAll: 'Fn::ValueOfAll',
};

function tagsFor(short: string, key: string): Array<ScalarTag | CollectionTag> {
  const collection = (value: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [key]: value.toJSON() });
  return [
    {
      tag: `!${short}`,
      // `!GetAtt Queue.Arn` is the short form of `Fn::GetAtt: [Queue, Arn]`.
      resolve: (value: string) => {
        if (key !== 'Fn::GetAtt') return { [key]: value };
        const dot = value.indexOf('.');
        return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
      },
    },
    { tag: `!${short}`, collection: 'seq', resolve: collection },
    { tag: `!${short}`, collection: 'map', resolve: collection },
  ];
}

const CFN_TAGS = Object.entries(SHORT_FORMS).flatMap(([short, key]) => tagsFor(short, key));

/**
 * Parses a CloudFormation YAML template into the JSON form CloudFormation itself works on: every
 * `!Short` intrinsic becomes its long `{ "Fn::X": … }` object. Throws on YAML errors and unknown tags.
 */
export function parseCfnYaml(text: string): Record<string, unknown> {
  const document = parseDocument(text, { customTags: CFN_TAGS, uniqueKeys: true, version: '1.1' });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) throw new Error(`template YAML: ${problems.map((p) => p.message).join('; ')}`);
  const value: unknown = document.toJS();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('template YAML: expected a mapping at the top level');
  }
  return value as Record<string, unknown>;
}
