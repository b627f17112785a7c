import { loadServiceModel } from '../../model/service-model.ts';
import { createAwsJsonProtocol } from '../../protocols/aws-json-protocol.ts';
import type { ServiceDefinition } from '../../service-definition.ts';
import { getContact, listContactChannels, listContacts, listRotationShifts } from './contact-handlers.ts';
import {
  acceptPage,
  describeEngagement,
  listPagesByEngagement,
  startEngagement,
  stopEngagement,
} from './engagement-handlers.ts';

/**
 * Incident Manager Contacts over awsJson 1.1 (`SSMContacts.<Op>`): contacts, rotation shifts,
 * engagements and their pages. Other operations are model-validated and answered 501.
 */
export function createSsmContactsService(): ServiceDefinition {
  const model = loadServiceModel('ssm-contacts');
  return {
    name: 'ssm-contacts',
    signingName: 'ssm-contacts',
    endpointEnvSuffix: 'SSM_CONTACTS',
    model,
    protocol: createAwsJsonProtocol(model),
    handlers: {
      GetContact: getContact,
      ListContacts: listContacts,
      ListContactChannels: listContactChannels,
      ListRotationShifts: listRotationShifts,
      StartEngagement: startEngagement,
      StopEngagement: stopEngagement,
      DescribeEngagement: describeEngagement,
      ListPagesByEngagement: listPagesByEngagement,
      AcceptPage: acceptPage,
    },
  };
}
