/**
 * The data both emulators hold, as plain records. The seed generator produces a `SandboxData`; each emulator
 * loads its half into its own store. Field names are the remote systems' own API names.
 */

/** ISO-8601 with milliseconds and `Z`, as both APIs return it (SF: `2026-01-02T03:04:05.000+0000` on the wire). */
export type Iso = string;

export interface SfAccount {
  Id: string;
  Name: string;
  Website: string | null;
  Phone: string | null;
  BillingCity: string | null;
  BillingState: string | null;
  BillingCountry: string | null;
  Industry: string | null;
  NumberOfEmployees: number | null;
  AnnualRevenue: number | null;
  Description: string | null;
  OwnerId: string;
  /** External-id field carrying the HubSpot company id of accounts created from HubSpot (unique). */
  HubSpot_Company_Id__c: string | null;
  MasterRecordId: string | null;
  IsDeleted: boolean;
  CreatedDate: Iso;
  LastModifiedDate: Iso;
  SystemModstamp: Iso;
  CreatedById: string;
  LastModifiedById: string;
}

export interface SfContact {
  Id: string;
  FirstName: string | null;
  LastName: string;
  Email: string | null;
  /** null = a private contact (R3.2b). */
  AccountId: string | null;
  OwnerId: string;
  IsDeleted: boolean;
  CreatedDate: Iso;
  LastModifiedDate: Iso;
  SystemModstamp: Iso;
}

export interface SfLead {
  Id: string;
  FirstName: string | null;
  LastName: string;
  Email: string | null;
  Company: string;
  Status: string;
  IsConverted: boolean;
  OwnerId: string;
  IsDeleted: boolean;
  CreatedDate: Iso;
  LastModifiedDate: Iso;
  SystemModstamp: Iso;
}

export interface SfUser {
  Id: string;
  Username: string;
  Name: string;
  FirstName: string;
  LastName: string;
  Email: string;
  IsActive: boolean;
}

/** A CRM v3 object as HubSpot stores it: every property value is a string or null. */
export interface HsObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: Iso;
  updatedAt: Iso;
  archived: boolean;
}

export interface HsAssociation {
  companyId: string;
  contactId: string;
}

export interface HsList {
  listId: string;
  name: string;
  contactIds: string[];
}

export interface HsOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  archived: boolean;
}

export interface SalesforceData {
  accounts: SfAccount[];
  contacts: SfContact[];
  leads: SfLead[];
  users: SfUser[];
}

export interface HubSpotData {
  companies: HsObject[];
  contacts: HsObject[];
  associations: HsAssociation[];
  /** Parent/child company associations (child id → parent id); absent when there is no hierarchy. */
  companyParents?: Array<{ childId: string; parentId: string }>;
  lists: HsList[];
  owners: HsOwner[];
}

export interface SandboxData {
  salesforce: SalesforceData;
  hubspot: HubSpotData;
}

export const emptySalesforceData = (): SalesforceData => ({ accounts: [], contacts: [], leads: [], users: [] });
export const emptyHubSpotData = (): HubSpotData => ({
  companies: [],
  contacts: [],
  associations: [],
  lists: [],
  owners: [],
});
