/** Organisers: find users and change their role. */
import { App, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@ilr/shared';
import type { User } from '../api/types';
import { RequireAuth } from '../auth/RequireAuth';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { errorMessage } from '../errors/messages';
import { useChangeRole, useUsers } from './usePeople';

export function PeoplePage() {
  return <RequireAuth action="user.list">{(me) => <People me={me} />}</RequireAuth>;
}

function People({ me }: { me: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const users = useUsers({ q, page });
  const changeRole = useChangeRole();

  const onRole = (user: User, role: Role) =>
    changeRole.mutate(
      { id: user.id, role },
      {
        onSuccess: (updated) =>
          void message.success(
            t('people.updated', { name: updated.displayName, role: t(`user.roles.${updated.role}`) }),
          ),
        onError: (error) => void message.error(errorMessage(t, error)),
      },
    );

  const columns: TableColumnsType<User> = [
    { key: 'name', title: t('people.columns.name'), dataIndex: 'displayName' },
    { key: 'email', title: t('people.columns.email'), dataIndex: 'email' },
    {
      key: 'role',
      title: t('people.columns.role'),
      render: (_, user) => (
        <Select<Role>
          aria-label={t('people.roleOf', { name: user.displayName })}
          value={user.role}
          disabled={user.id === me.id || changeRole.isPending}
          onChange={(role) => onRole(user, role)}
          options={ROLES.map((role) => ({ value: role, label: t(`user.roles.${role}`) }))}
          style={{ width: 200 }}
        />
      ),
    },
    {
      key: 'company',
      title: t('people.columns.company'),
      render: (_, user) => (user.companyId ? t('people.hasCompany') : t('common.none')),
    },
  ];

  return (
    <>
      <PageHeading title={t('people.title')} intro={t('people.intro')} />
      <Input.Search
        aria-label={t('people.search')}
        placeholder={t('people.search')}
        allowClear
        enterButton={t('common.search')}
        onSearch={(value) => {
          setQ(value.trim() || undefined);
          setPage(1);
        }}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <ErrorAlert error={users.error} />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 700 }}
        pagination={{
          current: users.data?.page ?? page,
          pageSize: users.data?.pageSize ?? 20,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </>
  );
}
