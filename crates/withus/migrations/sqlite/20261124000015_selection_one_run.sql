-- One computation of fair chances at a time per working group: at most one run of a selection may
-- be pending or running. Any older duplicates are first marked as stopped.

UPDATE selection_runs SET status = 'failed', finished_at = created_at, error = '"Stopped"'
WHERE status IN ('pending', 'running')
  AND EXISTS (
    SELECT 1 FROM selection_runs newer
    WHERE newer.selection_id = selection_runs.selection_id
      AND newer.status IN ('pending', 'running')
      AND (newer.created_at > selection_runs.created_at
           OR (newer.created_at = selection_runs.created_at AND newer.id > selection_runs.id))
  );

CREATE UNIQUE INDEX selection_runs_one_at_a_time ON selection_runs (selection_id)
WHERE status IN ('pending', 'running');
