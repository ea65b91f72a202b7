import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

interface Health {
  version: string;
  migration: string | null;
}

function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetch('/healthz')
      .then((r) => r.json() as Promise<Health>)
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);
  return (
    <main>
      <h1>考评 Kaoping</h1>
      <p>就业工作考评 · Employment-work assessment</p>
      {health && (
        <p>
          版本 Version {health.version} · 数据库 Migration {health.migration}
        </p>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
