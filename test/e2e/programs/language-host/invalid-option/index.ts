export const ran = true;
