/** Who a lead is from, "Anna Lebedeva · Roga i Kopyta"; '' when it says neither. */
export function personLine(lead: { name: string | null; companyTitle: string | null }): string {
  return [lead.name, lead.companyTitle].filter((part) => part?.trim()).join(' · ');
}

/** How to reach them, "+7 900 000-00-00 · anna@example.com"; '' when it says neither. */
export function contactLine(lead: { phone: string | null; email: string | null }): string {
  return [lead.phone, lead.email].filter((part) => part?.trim()).join(' · ');
}
