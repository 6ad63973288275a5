export { TreatmentResistancePage } from './TreatmentResistancePage';
