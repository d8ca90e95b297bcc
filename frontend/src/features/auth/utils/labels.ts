export { roleLabels } from '@/utils/labels';
