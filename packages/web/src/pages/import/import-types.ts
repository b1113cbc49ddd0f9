import type { paths } from '../../api/schema';

export type ImportPreview =
  paths['/api/people/import/preview']['post']['responses'][200]['content']['application/json'];
export type ImportSummary =
  paths['/api/people/import/apply']['post']['responses'][200]['content']['application/json']['summary'];
export type ImportAction = ImportPreview['rows'][number]['action'];
export type ImportProblem = ImportPreview['errors'][number];

/** A 422 from apply carries the fresh preview; recognise it without trusting its shape blindly. */
export function isImportPreview(value: unknown): value is ImportPreview {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as ImportPreview).rows) &&
    Array.isArray((value as ImportPreview).errors) &&
    typeof (value as ImportPreview).summary === 'object'
  );
}
