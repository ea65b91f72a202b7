import { notFound } from '../../lib/problem.ts';

export const personNotFound = () => notFound({ zh: '人员', en: 'Person' });
