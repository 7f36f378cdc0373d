import { useEffect, useState } from 'react';
import { Api, ApiError } from '../api';
import type { AdminAction, ClusterView, MediaOverview } from '../protocol';
import { formatDateTime } from '../when';
import type { TextKey } from '../i18n';
import { useText } from '../text';
import { People } from './People';
import { AdminNode, formatDuration, type Notice } from './AdminNode';

/**
 * People (local accounts), cluster members (each can be drained; per node its uptime, shards, projection lag, meetings
 * with their participants, and last errors), the media servers with their load, and the record of administrators'
 * actions. Admins only.
 */
export function Admin({ api, myId }: { api: Api; myId: string }) {
  const t = useText();
  const [cluster, setCluster] = useState<ClusterView | null>(null);
  const [media, setMedia] = useState<MediaOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actions, setActions] = useState<AdminAction[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const load = () => {
    api.cluster().then(setCluster, (e: Error) => setError(e instanceof ApiError && e.problem.status === 403 ? t('adminsOnly') : e.message));
    api.mediaServers().then(setMedia, () => setMedia(null));
    api.adminActions().then(setActions, () => setActions(null));
  };

  useEffect(() => {
    load();
    const id = window.setInterval(load, 5000);
    return () => window.clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const drain = async (address: string) => {
    if (!window.confirm(t('drainQuestion', { address }))) return;
    try {
      await api.drainNode(address);
      setNotice({ kind: 'ok', text: t('drainingNotice', { address }) });
      api.adminActions().then(setActions, () => undefined);
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
    }
  };

  if (error) return <div className="page"><p role="alert" className="alert">{error}</p></div>;
  return (
    <div className="page">
      <div className="page-head"><h1>{t('administration')}</h1></div>
      <People api={api} myId={myId} />
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t('clusterMembers')}</h2>
        {!cluster ? <p>{t('loading')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('address')}</th><th scope="col">{t('status')}</th><th scope="col">{t('roles')}</th><th scope="col">{t('meetingsHere')}</th><th scope="col">{t('participantsHere')}</th><th scope="col">{t('uptime')}</th><th scope="col"><span className="sr-only">{t('actions')}</span></th></tr></thead>
            <tbody>
              {cluster.members.map((m) => (
                <tr key={m.address}>
                  <td>{m.address}{m.address === cluster.leader ? ` (${t('leader')})` : ''}</td>
                  <td><span className={`badge${m.status === 'up' ? ' ok' : ' warn'}`}>{m.status}</span></td>
                  <td>{m.roles.join(', ')}</td>
                  <td>{m.meetings ?? '—'}</td>
                  <td>{m.connections ?? '—'}</td>
                  <td>{m.uptime_seconds != null ? formatDuration(m.uptime_seconds, t) : m.status === 'up' ? t('notAnswered') : '—'}</td>
                  <td>{m.status === 'up' && cluster.members.filter((x) => x.status === 'up').length > 1 && (
                    <button type="button" className="secondary small" aria-label={t('drainNodeFor', { address: m.address })}
                      onClick={() => void drain(m.address)}>{t('drainNode')}</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {notice && <p role={notice.kind === 'ok' ? 'status' : 'alert'} className={notice.kind === 'ok' ? 'notice' : 'alert'}>{notice.text}</p>}
        {cluster && cluster.unreachable.length > 0 && <p className="alert">{t('unreachable')}: {cluster.unreachable.join(', ')}</p>}
      </section>
      {cluster?.members.filter((m) => m.uptime_seconds != null).map((m) => (
        <AdminNode key={m.address} api={api} member={m} onChanged={load} />
      ))}
      <section className="card" aria-labelledby="media-title">
        <h2 id="media-title">{t('mediaServers')}</h2>
        {!media || media.instances.length === 0 ? <p className="muted">{t('noMediaServers')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('status')}</th><th scope="col">{t('publishers')}</th><th scope="col">{t('handles')}</th></tr></thead>
            <tbody>
              {media.instances.map((i) => (
                <tr key={i.name}>
                  <td>{i.name}</td>
                  <td><span className={`badge${i.up ? ' ok' : ' warn'}`}>{i.up ? t('up') : t('down')}</span></td>
                  <td>{i.publishers}</td>
                  <td>{i.handles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('adminActions')}</h2>
        {!actions ? <p>{t('loading')}</p> : actions.length === 0 ? <p className="muted">{t('noAdminActions')}</p> : (
          <div className="table-scroll">
            <table>
              <thead><tr><th scope="col">{t('when')}</th><th scope="col">{t('who')}</th><th scope="col">{t('what')}</th><th scope="col">{t('target')}</th></tr></thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={`${a.at}-${a.action}-${a.target}`}>
                    <td><time dateTime={a.at}>{formatDateTime(a.at, t('locale'))}</time></td>
                    <td>{a.admin_name}</td>
                    <td>{t(`adminAction_${a.action}` as TextKey)}{a.detail ? ` (${a.detail})` : ''}</td>
                    <td>{a.target}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
