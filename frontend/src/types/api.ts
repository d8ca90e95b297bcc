// Friendly names for the generated schema types; the shapes themselves come from openapi.yaml.
import type { components } from './api.gen';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type ProblemError = Schemas['ProblemError'];
export type Campaign = Schemas['Campaign'];
export type CampaignPage = Schemas['CampaignPage'];
export type CampaignKind = Schemas['CampaignKind'];
export type Stage = Schemas['Stage'];
export type Publication = Schemas['Publication'];
export type PublicationPage = Schemas['PublicationPage'];
export type PublicationInput = Schemas['PublicationInput'];
export type PublicationStatus = Schemas['PublicationStatus'];
export type Audience = Schemas['Audience'];
export type Attachment = Schemas['Attachment'];
export type AttachmentKind = Schemas['AttachmentKind'];
export type DownloadRow = Schemas['DownloadRow'];
export type DownloadPage = Schemas['DownloadPage'];
export type Region = Schemas['Region'];
export type RegionPage = Schemas['RegionPage'];
export type RegionTree = Schemas['RegionTree'];
export type RegionTreeNode = Schemas['RegionTreeNode'];
export type Organization = Schemas['Organization'];
export type OrganizationPage = Schemas['OrganizationPage'];
export type OrganizationKind = Schemas['OrganizationKind'];
export type SettlementType = Schemas['SettlementType'];
export type EducationLevel = Schemas['EducationLevel'];
export type Role = Schemas['Role'];
export type Me = Schemas['Me'];
export type TokenRequest = Schemas['TokenRequest'];
export type TokenResponse = Schemas['TokenResponse'];
export type OAuthError = Schemas['OAuthError'];
export type CredentialIssueRequest = Schemas['CredentialIssueRequest'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditEventPage = Schemas['AuditEventPage'];
