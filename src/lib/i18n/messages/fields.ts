import { LEDGER_FIELDS } from '../../domain/fields';
import type { Messages } from '../translate';

/**
 * The ledger fields' names (`field.<key>`), as the mapping dialog and the finding detail show them:
 * the canonical Chinese header, and its English name. A file's own headers are never translated.
 */
const EN: Record<string, string> = {
  finding_id: 'Finding ID', county: 'County', county_code: 'County code', inspector_level: 'Inspecting body',
  inspection_kind: 'Inspection kind', term: 'Term', round_no: 'Round', round_label: 'Round name', year: 'Year',
  mode: 'Inspection mode', team: 'Inspection team', unit_name: 'Inspected unit', unit_type: 'Unit type',
  station_start: 'On-site start', station_end: 'On-site end', feedback_date: 'Feedback date', source: 'Problem origin',
  aspect_raw: 'Aspect', category_l1: 'Category', category_l2: 'Subcategory', focus4: 'Four implementations',
  problem_title: 'Problem', problem_detail: 'Details', root_cause: 'Root cause', key_concern: 'Key concern',
  key_concern_case: 'Key concern case', rect_type: 'Rectification type', rectify_goal: 'Rectification goal',
  measures: 'Measures', measure_count: 'Number of measures', resp_unit: 'Responsible unit', resp_leader: 'Responsible leader',
  resp_person: 'Responsible person', deadline_raw: 'Deadline', deadline: 'Deadline date', long_term: 'Long-term',
  status_raw: 'Status', completion_date: 'Completion date', closed: 'Closed', closure_date: 'Closure date',
  in_concentrated_period: 'Done in the concentrated period', completion_summary: 'Completion summary', evidence: 'Evidence',
  evidence_count: 'Evidence items', draw_inferences: 'Lessons applied elsewhere', special_campaign: 'Special campaign',
  acc_people_total: 'People held accountable', acc_party_discipline: 'Party disciplinary actions', acc_gov_sanction: 'Government sanctions',
  acc_org_handling: 'Organisational handling', acc_admonish: 'Admonishments', acc_light: 'Criticism and education',
  acc_orgs: 'Party organisations held accountable', systems_count: 'Rules established', funds_wan: 'Funds recovered (10k yuan)',
  clue_transferred: 'Leads transferred', clue_closed: 'Leads closed', prior_finding_id: 'Prior-round finding ID',
  is_prior_round_issue: 'Repeat of an earlier round', followup_result: 'Follow-up result', followup_date: 'Follow-up date',
  disclose: 'Disclosed', remarks: 'Remarks',
};

export const fields: Messages = {
  zh: Object.fromEntries(LEDGER_FIELDS.map((f) => [`field.${f.key}`, f.header])),
  en: Object.fromEntries(LEDGER_FIELDS.map((f) => [`field.${f.key}`, EN[f.key] ?? f.header])),
};
