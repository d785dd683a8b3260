import { Stack } from '@mantine/core';
import type { Grant } from '../api/crm-access.ts';
import { SectionCard } from '../app/SectionCard.tsx';
import { GrantRow } from './GrantRow.tsx';
import type { RoleGrants } from './grants.ts';

/** A role's card: under its title, each of its grants a row. */
export function RoleGrantsCard({ group, onRemove }: { group: RoleGrants; onRemove: (grant: Grant) => void }) {
  const id = `access-role-${group.role}`;
  return (
    <SectionCard id={id} title={group.roleTitle}>
      <Stack gap={4} component="ul" aria-labelledby={id} p={0} m={0} style={{ listStyle: 'none' }}>
        {group.grants.map((grant) => (
          <GrantRow key={grant.id} grant={grant} onRemove={() => onRemove(grant)} />
        ))}
      </Stack>
    </SectionCard>
  );
}
