// Every operation shows an example (issue 23, "Conventions": «every operation has an example»):
// a parameter's, the request body's or a successful answer's — on the media type, on the schema it
// uses (refs are resolved before this runs) or, for a file, on its header.
const hasExample = (node) =>
  node != null &&
  typeof node === 'object' &&
  ('example' in node ||
    'examples' in node ||
    (node.schema != null &&
      typeof node.schema === 'object' &&
      ('example' in node.schema || 'examples' in node.schema)));

const content = (holder) => Object.values((holder && holder.content) || {});

export default function operationExample(operation, _options, context) {
  if (operation == null || typeof operation !== 'object') return [];
  const parameters = operation.parameters || [];
  if (parameters.some(hasExample)) return [];
  if (content(operation.requestBody).some(hasExample)) return [];
  const answers = Object.entries(operation.responses || {})
    .filter(([status]) => String(status).startsWith('2'))
    .map(([, answer]) => answer);
  if (answers.some((answer) => content(answer).some(hasExample))) return [];
  // a file download without inputs: the example is its name, on Content-Disposition
  if (answers.some((answer) => Object.values((answer && answer.headers) || {}).some(hasExample))) {
    return [];
  }
  const id = operation.operationId || context.path.join('.');
  return [
    {
      message: `${id}: no example — give one to a parameter, the request body or a 2xx answer`,
    },
  ];
}
