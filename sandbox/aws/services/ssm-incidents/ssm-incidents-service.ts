import { loadServiceModel } from '../../model/service-model.ts';
import { createRestJsonProtocol } from '../../protocols/rest-json-protocol.ts';
import type { ServiceDefinition } from '../../service-definition.ts';
import { createTimelineEvent } from './create-timeline-event.ts';
import { getIncidentRecord } from './get-incident-record.ts';
import { listIncidentRecords } from './list-incident-records.ts';
import { listRelatedItems, updateRelatedItems } from './related-items.ts';
import { getResponsePlan, listResponsePlans } from './response-plans.ts';
import { startIncident } from './start-incident.ts';
import { getTimelineEvent, listTimelineEvents } from './timeline-event-queries.ts';
import { updateIncidentRecord } from './update-incident-record.ts';
import { updateTimelineEvent } from './update-timeline-event.ts';

/** Incident Manager over restJson1: every operation warroom calls. */
export function createSsmIncidentsService(): ServiceDefinition {
  const model = loadServiceModel('ssm-incidents');
  return {
    name: 'ssm-incidents',
    signingName: 'ssm-incidents',
    endpointEnvSuffix: 'SSM_INCIDENTS',
    model,
    protocol: createRestJsonProtocol(model),
    handlers: {
      StartIncident: startIncident,
      GetIncidentRecord: getIncidentRecord,
      ListIncidentRecords: listIncidentRecords,
      UpdateIncidentRecord: updateIncidentRecord,
      CreateTimelineEvent: createTimelineEvent,
      ListTimelineEvents: listTimelineEvents,
      GetTimelineEvent: getTimelineEvent,
      UpdateTimelineEvent: updateTimelineEvent,
      UpdateRelatedItems: updateRelatedItems,
      ListRelatedItems: listRelatedItems,
      GetResponsePlan: getResponsePlan,
      ListResponsePlans: listResponsePlans,
    },
  };
}
