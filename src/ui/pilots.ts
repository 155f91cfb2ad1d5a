/** The five pilot areas of the Co-efficienti project (comune and province, ISTAT codes). */
export interface Pilot {
  name: string;
  comune: string;
  province: string;
}

export const PILOTS: readonly Pilot[] = [
  { name: 'Torino', comune: '001272', province: '001' },
  { name: 'Trieste', comune: '032006', province: '032' },
  { name: 'Roma', comune: '058091', province: '058' },
  { name: 'Crotone', comune: '101010', province: '101' },
  { name: 'Siracusa', comune: '089017', province: '089' },
];
