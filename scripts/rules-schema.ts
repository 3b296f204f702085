/** Writes rules/rule-set.schema.json from the zod schema (npm run rules:schema). */
import { writeFileSync } from 'node:fs';
import { ruleSetJsonSchema } from '../src/rules/json-schema';

writeFileSync('rules/rule-set.schema.json', `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
console.log('rules/rule-set.schema.json written');
