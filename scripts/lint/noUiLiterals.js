// ESLint rule: no hard-coded user-visible text in the renderer code that speaks the reader's
// language. What a person reads comes from a catalog (renderer/src/core/i18n); this finds what
// does not: JSX text with letters, string literals in the attributes people read or hear
// (aria-label, title, placeholder, alt, label and our components' text props), string literals
// chosen inside JSX expressions, and literals handed to the functions that show or announce text.
// Text without letters (symbols like ✕ or ↑, punctuation, numbers) is not language.

const LETTER = /\p{L}/u;

const DEFAULT_ATTRIBUTES = [
  'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext',
  'title', 'placeholder', 'alt', 'label',
  // Our components' props that end up on screen.
  'confirmLabel', 'submitLabel', 'message',
];
const DEFAULT_CALLEES = ['notifyInfo', 'notifyError', 'announce', 'setError', 'setCreateError'];

/** String literals (and template text) an expression may evaluate to, as written. */
function literalsIn(node, out = []) {
  if (!node) return out;
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string') out.push({ node, text: node.value });
      break;
    case 'TemplateLiteral':
      out.push({ node, text: node.quasis.map((q) => q.value.cooked ?? '').join(' ') });
      break;
    case 'ConditionalExpression':
      literalsIn(node.consequent, out);
      literalsIn(node.alternate, out);
      break;
    case 'LogicalExpression':
      literalsIn(node.left, out);
      literalsIn(node.right, out);
      break;
    case 'BinaryExpression':
      if (node.operator === '+') {
        literalsIn(node.left, out);
        literalsIn(node.right, out);
      }
      break;
    case 'JSXExpressionContainer':
      literalsIn(node.expression, out);
      break;
    default:
      break;
  }
  return out;
}

const calleeName = (callee) => (callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : null);

export const noUiLiterals = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text comes from the i18n catalog, not from string literals.' },
    schema: [
      {
        type: 'object',
        properties: { attributes: { type: 'array', items: { type: 'string' } }, callees: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      text: 'Hard-coded text "{{text}}": say it with a catalog message (useT / t from core/i18n).',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const attributes = new Set(options.attributes ?? DEFAULT_ATTRIBUTES);
    const callees = new Set(options.callees ?? DEFAULT_CALLEES);
    const report = (node, text) => {
      if (LETTER.test(text)) context.report({ node, messageId: 'text', data: { text: text.trim().slice(0, 40) } });
    };
    return {
      JSXText(node) {
        report(node, node.value);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (!name || !attributes.has(name)) return;
        for (const found of literalsIn(node.value)) report(found.node, found.text);
      },
      JSXExpressionContainer(node) {
        // Children only: attributes were judged above, by name.
        if (node.parent.type !== 'JSXElement' && node.parent.type !== 'JSXFragment') return;
        for (const found of literalsIn(node.expression)) report(found.node, found.text);
      },
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (!name || !callees.has(name)) return;
        for (const arg of node.arguments) for (const found of literalsIn(arg)) report(found.node, found.text);
      },
    };
  },
};

export default { rules: { 'no-ui-literals': noUiLiterals } };
