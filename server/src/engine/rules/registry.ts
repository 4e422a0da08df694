import type { Rule } from './types';
import { rule as apiDeprecated } from './api-deprecated';
import { rule as apiRemoved } from './api-removed';
import { rule as internalError } from './internal-error';
import { rule as kindNotServed } from './kind-not-served';
import { rule as schemaEnum } from './schema-enum';
import { rule as schemaRequired } from './schema-required';
import { rule as schemaType } from './schema-type';
import { rule as schemaUnknownField } from './schema-unknown-field';
import { rule as unknownKind } from './unknown-kind';
import { rule as yamlDuplicateKey } from './yaml-duplicate-key';
import { rule as yamlSyntax } from './yaml-syntax';
import { rule as yaml11Boolean } from './yaml11-boolean';

/** Every rule, listed by hand (no discovery), in docs order. */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yaml11Boolean,
  schemaUnknownField,
  schemaRequired,
  schemaType,
  schemaEnum,
  apiRemoved,
  apiDeprecated,
  kindNotServed,
  unknownKind,
  internalError,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export const DOCS_BASE_URL = 'https://github.com/kubesim/kubesim/blob/main/docs/rules/';
export const docsUrl = (id: string): string => `${DOCS_BASE_URL}${id}.md`;
