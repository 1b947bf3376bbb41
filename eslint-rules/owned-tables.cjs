/**
 * `owned-tables/no-foreign-writes`: every table belongs to one feature (apps/api/src/<feature>/,
 * the folder that declares its entity), and only that feature writes it. In a file under
 * apps/api/src/<feature>/, a write whose entity is a class imported from another feature's folder
 * is reported: `em.insert(OtherEntity, …)` (save, insert, update, upsert, delete, remove,
 * increment, decrement, softDelete, restore), `em.getRepository(OtherEntity).save(…)`,
 * `qb.update(OtherEntity)`, `qb.insert().into(OtherEntity)`, `qb.delete().from(OtherEntity)`,
 * `em.createQueryBuilder(OtherEntity, 'x').update()/delete()/insert()` and
 * `@InjectRepository(OtherEntity)`. Other features go through the owner's service instead
 * (e.g. accounts' CompanyMembershipService for `users.company_id`).
 *
 * CommonJS so that the unit test (Jest) can load it as well as eslint.config.mjs.
 *
 * Options: `{ root: 'apps/api/src', exempt: ['database'] }` — folders whose files may write any
 * table (migrations, seed data).
 */
const { dirname, join, normalize, relative, sep } = require('node:path');

const WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'increment',
  'decrement',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
]);
const BUILDER_WRITES = new Set(['insert', 'update', 'delete', 'softDelete', 'restore']);

/** The feature folder of a path under root, or null. */
function featureOf(file, root) {
  const rel = relative(root, file);
  if (rel.startsWith('..') || rel === '' || !rel.includes(sep)) return null;
  return rel.split(sep)[0];
}

const propertyName = (member) =>
  member.type === 'MemberExpression' && !member.computed && member.property.type === 'Identifier'
    ? member.property.name
    : null;

/** The calls of a chain `a.b(…).c(…).d(…)`, innermost first, from its outermost call. */
function chainCalls(node) {
  const calls = [];
  let current = node;
  while (current) {
    if (current.type === 'CallExpression') {
      calls.unshift(current);
      current = current.callee.type === 'MemberExpression' ? current.callee.object : null;
    } else if (current.type === 'MemberExpression') current = current.object;
    else current = null;
  }
  return calls;
}

const calledName = (call) => (call.callee.type === 'Identifier' ? call.callee.name : propertyName(call.callee));

const noForeignWrites = {
  meta: {
    type: 'problem',
    docs: { description: "A feature writes only its own tables; others go through the owner's service." },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, exempt: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      foreign:
        "{{feature}} writes {{entity}}, a table of the {{owner}} feature: call {{owner}}'s service instead (one owner per table).",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = normalize(join(context.cwd ?? process.cwd(), options.root ?? 'apps/api/src'));
    const exempt = new Set(options.exempt ?? ['database']);
    const file = normalize(context.filename);
    const feature = featureOf(file, root);
    if (!feature || exempt.has(feature)) return {};

    /** Local name → owning feature, for entity classes imported from other features. */
    const foreign = new Map();

    const ownerOf = (node) => (node && node.type === 'Identifier' ? foreign.get(node.name) : undefined);
    const report = (node, entity) =>
      context.report({
        node,
        messageId: 'foreign',
        data: { feature, entity: entity.name, owner: foreign.get(entity.name) },
      });

    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (node.importKind === 'type' || typeof source !== 'string' || !source.startsWith('.')) return;
        const target = normalize(join(dirname(file), source));
        const owner = featureOf(target, root);
        if (!owner || owner === feature) return;
        const entityModule = /\.entit(y|ies)$/.test(source);
        for (const spec of node.specifiers) {
          if (spec.type !== 'ImportSpecifier' || spec.importKind === 'type') continue;
          const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
          if (entityModule || /Entity$/.test(imported)) foreign.set(spec.local.name, owner);
        }
      },
      CallExpression(node) {
        if (foreign.size === 0) return;
        const name = calledName(node);
        if (!name) return;
        // @InjectRepository(Other): a repository is a way to write.
        if (name === 'InjectRepository' && ownerOf(node.arguments[0])) return report(node, node.arguments[0]);
        // em.insert(Other, …), qb.update(Other), em.getRepository(Other).save(…)
        if (WRITES.has(name) && node.callee.type === 'MemberExpression') {
          const entity = node.arguments.find((a) => ownerOf(a));
          if (entity) return report(node, entity);
          const receiver = node.callee.object;
          if (receiver.type === 'CallExpression' && calledName(receiver) === 'getRepository') {
            const repoEntity = receiver.arguments[0];
            if (ownerOf(repoEntity)) return report(node, repoEntity);
          }
          // createQueryBuilder(Other, 'x').update() / .delete() / .insert()
          if (BUILDER_WRITES.has(name)) {
            for (const call of chainCalls(receiver)) {
              if (calledName(call) === 'createQueryBuilder' && ownerOf(call.arguments[0]))
                return report(node, call.arguments[0]);
            }
          }
        }
        // qb.insert().into(Other), qb.delete().from(Other)
        if (
          (name === 'into' || name === 'from') &&
          ownerOf(node.arguments[0]) &&
          node.callee.type === 'MemberExpression'
        ) {
          const before = chainCalls(node.callee.object).map(calledName);
          if (before.some((n) => BUILDER_WRITES.has(n))) return report(node, node.arguments[0]);
        }
      },
    };
  },
};

module.exports = { meta: { name: 'owned-tables' }, rules: { 'no-foreign-writes': noForeignWrites } };
