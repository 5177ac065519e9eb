/** When a registry record was written and last changed (ISO 8601). */
export type Timestamps = {
  createdAt: string;
  updatedAt: string;
};
