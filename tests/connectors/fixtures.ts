/** Small, fast data sets for the connector tests (the seed generator makes realistic ones; these are counted). */
import {
  emptyHubSpotData,
  emptySalesforceData,
  type HubSpotData,
  type SalesforceData,
  type SfAccount,
} from '../../sandbox/model.js';
import { seedSfId } from '../../sandbox/seed/naming.js';

export const ownerId = seedSfId('005', 1);

export function salesforceAccounts(count: number): SalesforceData {
  const start = Date.UTC(2025, 0, 1);
  const accounts: SfAccount[] = Array.from({ length: count }, (_, i) => {
    const stamp = new Date(start + i * 1000).toISOString();
    return {
      Id: seedSfId('001', i + 1),
      Name: `Account ${i + 1}`,
      Website: null,
      Phone: null,
      BillingCity: null,
      BillingState: null,
      BillingCountry: null,
      Industry: null,
      NumberOfEmployees: i % 7 === 0 ? null : i,
      AnnualRevenue: null,
      Description: null,
      OwnerId: ownerId,
      HubSpot_Company_Id__c: null,
      MasterRecordId: null,
      IsDeleted: false,
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
      CreatedById: ownerId,
      LastModifiedById: ownerId,
    };
  });
  return {
    ...emptySalesforceData(),
    accounts,
    users: [
      {
        Id: ownerId,
        Username: 'integration@sfhs.example',
        Name: 'Integration User',
        FirstName: 'Integration',
        LastName: 'User',
        Email: 'integration@sfhs.example',
        IsActive: true,
      },
    ],
  };
}

export function hubspotCompanies(count: number): HubSpotData {
  const start = Date.UTC(2025, 0, 1);
  const data = emptyHubSpotData();
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 1000).toISOString();
    data.companies.push({
      id: String(10_000_000_001 + i),
      properties: { name: `Company ${i + 1}`, domain: `c${i + 1}.example`, hs_lastmodifieddate: at, createdate: at },
      createdAt: at,
      updatedAt: at,
      archived: false,
    });
  }
  return data;
}
