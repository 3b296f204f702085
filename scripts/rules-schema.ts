/**
 * Writes rules/rule-set.schema.json from the zod schema, and rules/catalog.json from the seed catalog
 * (src/domain/catalog.ts), as shipped (npm run rules:schema). A deployment exports its database's catalog
 * instead: npx xingping rules catalog.
 */
import { writeFileSync } from 'node:fs';
import { catalogJson, seedCatalog } from '../src/rules/catalog';
import { ruleSetJsonSchema } from '../src/rules/json-schema';

writeFileSync('rules/rule-set.schema.json', `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
console.log('rules/rule-set.schema.json written');
writeFileSync('rules/catalog.json', catalogJson(seedCatalog));
console.log('rules/catalog.json written (the seed catalog)');
