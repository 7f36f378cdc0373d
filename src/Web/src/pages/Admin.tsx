import { useEffect, useState } from 'react';
import { Api, ApiError } from '../api';
import type { ClusterView, MediaOverview } from '../protocol';
import { useText } from '../text';
import { People } from './People';

/** People (local accounts), cluster members, the meetings this node hosts, and the media servers with their load. Admins only. */
export function Admin({ api, myId }: { api: Api; myId: string }) {
  const t = useText();
  const [cluster, setCluster] = useState<ClusterView | null>(null);
  const [media, setMedia] = useState<MediaOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () => {
      api.cluster().then(setCluster, (e: Error) => setError(e instanceof ApiError && e.problem.status === 403 ? t('adminsOnly') : e.message));
      api.mediaServers().then(setMedia, () => setMedia(null));
    };
    load();
    const id = window.setInterval(load, 5000);
    return () => window.clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  if (error) return <div className="page"><p role="alert" className="alert">{error}</p></div>;
  return (
    <div className="page">
      <div className="page-head"><h1>{t('administration')}</h1></div>
      <People api={api} myId={myId} />
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t('clusterMembers')}</h2>
        {!cluster ? <p>{t('loading')}</p> : (
          <table>
            <thead><tr><th scope="col">{t('address')}</th><th scope="col">{t('status')}</th><th scope="col">{t('roles')}</th><th scope="col">{t('meetingsHere')}</th><th scope="col">{t('participantsHere')}</th></tr></thead>
            <tbody>
              {cluster.members.map((m) => (
                <tr key={m.address}>
                  <td>{m.address}{m.address === cluster.leader ? ` (${t('leader')})` : ''}</td>
                  <td><span className={`badge${m.status === 'up' ? ' ok' : ' warn'}`}>{m.status}</span></td>
                  <td>{m.roles.join(', ')}</td>
                  <td>{m.meetings ?? '—'}</td>
                  <td>{m.connections ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {cluster && cluster.unreachable.length > 0 && <p className="alert">{t('unreachable')}: {cluster.unreachable.join(', ')}</p>}
      </section>
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
    </div>
  );
}
