import type { DescribeDBLogFilesMessage, DescribeDBLogFilesResponse } from '@aws-sdk/client-rds';
import { type HandlerContext, validatedInput } from '../../service-definition.ts';
import { paginate } from '../pagination.ts';
import { invalidMarker, rdsFilterMatcher, rdsNotFound } from './rds-errors.ts';

/**
 * DescribeDBLogFiles: the instance's log files (unknown instance → DBInstanceNotFound), narrowed by
 * FilenameContains, FileLastWritten (written since, epoch ms) and FileSize (larger than), paged
 * by Marker. RDS documents no Filters for it, so any filter name is refused.
 */
export function describeDBLogFiles(
  raw: Record<string, unknown>,
  context: HandlerContext,
): DescribeDBLogFilesResponse {
  const input = validatedInput<DescribeDBLogFilesMessage>(raw);
  const id = (input.DBInstanceIdentifier ?? '').toLowerCase();
  if (!context.state.rds.instances.has(id))
    throw rdsNotFound('DBInstanceNotFound', `DBInstance ${input.DBInstanceIdentifier} not found.`);
  const matches = rdsFilterMatcher(input.Filters, {});
  const files = context.state.rds.logFiles
    .list(id)
    .filter(matches)
    .filter((file) => input.FilenameContains === undefined || file.name.includes(input.FilenameContains))
    .filter(
      (file) => input.FileLastWritten === undefined || file.lastWritten.getTime() >= input.FileLastWritten,
    )
    .filter((file) => input.FileSize === undefined || file.size >= input.FileSize);
  const page = paginate(files, {
    pageSize: input.MaxRecords ?? 100,
    token: input.Marker,
    listing: `log-files:${id}:${JSON.stringify([input.FilenameContains, input.FileLastWritten, input.FileSize])}`,
    invalidToken: invalidMarker,
  });
  return {
    DescribeDBLogFiles: page.items.map((file) => ({
      LogFileName: file.name,
      LastWritten: file.lastWritten.getTime(),
      Size: file.size,
    })),
    Marker: page.nextToken,
  };
}
