import { connection } from 'next/server';
import { newestJobs, type JobRow } from './db';

function JobLine({ job }: { job: JobRow }) {
  return (
    <tr>
      <td>{job.id}</td>
      <td>{job.job_class}</td>
      <td>{job.queue_name}</td>
      <td>{job.priority}</td>
      <td>{(job.labels ?? []).join(', ')}</td>
      <td>{job.created_at}</td>
      <td>{job.scheduled_at}</td>
      <td>{job.finished_at}</td>
      <td>{job.error}</td>
    </tr>
  );
}

// The 50 newest jobs, one query, rendered on every request (never prerendered).
export default async function FloorPage() {
  await connection();
  const jobs = await newestJobs();
  return (
    <main>
      <h1>Jobs</h1>
      <table>
        <thead>
          <tr>
            <th>id</th>
            <th>class</th>
            <th>queue</th>
            <th>priority</th>
            <th>labels</th>
            <th>created</th>
            <th>scheduled</th>
            <th>finished</th>
            <th>error</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobLine key={job.id} job={job} />
          ))}
        </tbody>
      </table>
    </main>
  );
}
