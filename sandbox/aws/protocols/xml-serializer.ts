import { type ServiceModel, type Shape, shapeOf } from '../model/service-model.ts';

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`,
  );
}

/**
 * A decoded structure → the XML children awsQuery responses carry: one element per member (named
 * by its `locationName`, else the member name), lists wrapped with items named by the list
 * member's `locationName` (default `member`) unless flattened, maps as `<entry><key/><value/>`,
 * timestamps ISO-8601, blobs base64. The output was validated against the shape first, so the
 * casts below hold.
 */
export function encodeXmlMembers(model: ServiceModel, shape: Shape, value: unknown): string {
  const record = (value ?? {}) as Record<string, unknown>;
  let xml = '';
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const inner = record[name];
    if (inner === undefined || inner === null) continue;
    const target = shapeOf(model, ref.shape);
    const element = ref.locationName ?? name;
    if (target.type === 'list' && (target.flattened || ref.flattened)) {
      const memberShape = shapeOf(model, target.member?.shape ?? '');
      for (const item of inner as unknown[]) xml += encodeElement(model, memberShape, element, item);
    } else {
      xml += encodeElement(model, target, element, inner);
    }
  }
  return xml;
}

function encodeElement(model: ServiceModel, shape: Shape, element: string, value: unknown): string {
  return `<${element}>${encodeContent(model, shape, value)}</${element}>`;
}

function encodeContent(model: ServiceModel, shape: Shape, value: unknown): string {
  switch (shape.type) {
    case 'structure':
      return encodeXmlMembers(model, shape, value);
    case 'list': {
      const memberShape = shapeOf(model, shape.member?.shape ?? '');
      const itemName = shape.member?.locationName ?? 'member';
      return (value as unknown[]).map((item) => encodeElement(model, memberShape, itemName, item)).join('');
    }
    case 'map': {
      const keyName = shape.key?.locationName ?? 'key';
      const valueName = shape.value?.locationName ?? 'value';
      const valueShape = shapeOf(model, shape.value?.shape ?? '');
      return Object.entries(value as Record<string, unknown>)
        .map(
          ([key, inner]) =>
            `<entry><${keyName}>${escapeXml(key)}</${keyName}>${encodeElement(model, valueShape, valueName, inner)}</entry>`,
        )
        .join('');
    }
    case 'timestamp':
      return (value as Date).toISOString();
    case 'blob':
      return Buffer.from(value as Uint8Array).toString('base64');
    default:
      return escapeXml(String(value));
  }
}
