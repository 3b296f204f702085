import { z } from '../lib/zod';
import { RuleSet } from './rule-set.schema';

/**
 * The JSON Schema editors use for rules/*.json (`"$schema": "./rule-set.schema.json"`): generated from
 * the same zod schema the loader validates with, for input (defaults may be left out).
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RuleSet, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://xingping.local/rules/rule-set.schema.json',
    title: '星评考核细则（规则集）',
    description: '组织部门编写的考核细则：事实、部分、指标、计分条款、总分公式、不予评定的条件和示例。',
  };
}
