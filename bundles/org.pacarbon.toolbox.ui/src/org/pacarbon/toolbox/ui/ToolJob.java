package org.pacarbon.toolbox.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.pacarbon.toolbox.core.Progress;
import org.pacarbon.toolbox.core.ToolDescriptor;
import org.pacarbon.toolbox.core.ToolException;
import org.pacarbon.toolbox.core.ToolRunner;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Runs a tool in the background; cancel takes effect at the tool's next check (within a second). */
final class ToolJob extends Job {
    static final String PLUGIN = "org.pacarbon.toolbox.ui";
    private final ToolDescriptor tool;
    private final Map<String, String> params;
    private final Path cwd;
    private final RunRecord record;
    private final IntConsumer percent;

    ToolJob(ToolDescriptor tool, Map<String, String> params, Path cwd, RunRecord record, IntConsumer percent) {
        super(tool.name());
        this.tool = tool;
        this.params = params;
        this.cwd = cwd;
        this.record = record;
        this.percent = percent;
    }

    @Override
    @NonNullByDefault({})
    protected IStatus run(IProgressMonitor monitor) {
        int[] total = {0};
        int[] done = {0};
        Progress p = new Progress() {
            @Override
            public void begin(String task, int units) {
                total[0] = units;
                done[0] = 0;
                monitor.beginTask(task, units > 0 ? units : IProgressMonitor.UNKNOWN);
                percent.accept(units > 0 ? 0 : -1);
            }

            @Override
            public void worked(int units) {
                done[0] += units;
                monitor.worked(units);
                if (total[0] > 0) {
                    percent.accept((int) (100L * done[0] / total[0]));
                }
            }

            @Override
            public void message(String line) {
                monitor.subTask(line);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCanceled();
            }
        };
        try {
            record.result = ToolRunner.run(tool, params, cwd, record.resultsDir, p);
            record.status = "done";
            return Status.OK_STATUS;
        } catch (ToolException.Cancelled e) {
            record.status = "cancelled";
            return Status.CANCEL_STATUS;
        } catch (ToolException e) {
            // bad input: the toolbox shows the message next to the form; no error dialog for a user's typo
            record.status = "failed: " + e.getMessage();
            return Status.info(e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            record.status = "failed: " + e;
            return new Status(IStatus.ERROR, PLUGIN, "the tool " + tool.id() + " failed: " + e, e);
        } finally {
            monitor.done();
        }
    }
}
