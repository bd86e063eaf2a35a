package org.pacarbon.update;

import org.eclipse.jdt.annotation.Nullable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.Update;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Updates of the running installation from p2 update sites: what a site has newer versions of ({@link #check}), and
 * installing them ({@link #install}). The same code serves Help &gt; Check for Updates in the workbench and the headless
 * {@code ./pacarbon update} command. Only the installation's root features are updated (the product installs each of
 * its features as a root, so one feature can move to N+1 alone); the sites are used for this check only and are not
 * remembered by p2.
 */
public final class Updates {

    /** One installed unit for which a site has a newer version. */
    public record Change(String id, String name, String from, String to) {
        @Override
        public String toString() {
            return id + "  " + from + " -> " + to + (name.isEmpty() ? "" : "  (" + name + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        }
    }

    /** What a check found: the changes (empty when everything is current) and the operation that installs them. */
    public static final class Plan {
        private final UpdateOperation operation;
        private final List<Change> changes;
        private final List<URI> sites;

        Plan(UpdateOperation operation, List<Change> changes, List<URI> sites) {
            this.operation = operation;
            this.changes = List.copyOf(changes);
            this.sites = List.copyOf(sites);
        }

        /** The updates found, by id; empty when the installation is current with the sites. */
        public List<Change> changes() {
            return changes;
        }

        /** The sites that were checked. */
        public List<URI> sites() {
            return sites;
        }
    }

    private final IProvisioningAgent agent;
    private final IProfile profile;

    private Updates(IProvisioningAgent agent, IProfile profile) {
        this.agent = agent;
        this.profile = profile;
    }

    /**
     * The installation this program runs in.
     *
     * @throws UpdateException when it is not managed by p2 (started from a development or test runtime, or its p2
     *             folder is missing): such an installation cannot be updated, only replaced
     */
    public static Updates ofRunningInstallation() throws UpdateException {
        Bundle bundle = FrameworkUtil.getBundle(Updates.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            throw new UpdateException(Messages.format("notOsgi")); //$NON-NLS-1$
        }
        IProvisioningAgent agent = currentAgent(context);
        IProfileRegistry profiles = agent.getService(IProfileRegistry.class);
        IProfile self = profiles == null ? null : profiles.getProfile(IProfileRegistry.SELF);
        if (self == null) {
            throw new UpdateException(Messages.format("notManaged", //$NON-NLS-1$
                    String.valueOf(context.getProperty("eclipse.p2.data.area")), //$NON-NLS-1$
                    String.valueOf(context.getProperty("eclipse.p2.profile")))); //$NON-NLS-1$
        }
        return new Updates(agent, self);
    }

    private static IProvisioningAgent currentAgent(BundleContext context) throws UpdateException {
        try {
            for (ServiceReference<IProvisioningAgent> ref : context.getServiceReferences(IProvisioningAgent.class,
                    "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)")) { //$NON-NLS-1$ //$NON-NLS-2$
                IProvisioningAgent agent = context.getService(ref);
                if (agent != null) {
                    return agent;
                }
            }
            ServiceReference<IProvisioningAgentProvider> ref = context.getServiceReference(IProvisioningAgentProvider.class);
            if (ref == null) {
                throw new UpdateException(Messages.format("noP2")); //$NON-NLS-1$
            }
            return context.getService(ref).createAgent(null); // null: the running installation
        } catch (ProvisionException | org.osgi.framework.InvalidSyntaxException e) {
            throw new UpdateException(Messages.format("noP2") + " " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
        }
    }

    /**
     * An update site as a user gives it: a URL as it is, or a folder (relative to {@code base}, or to the working
     * folder when null) as a file URI.
     */
    public static URI site(String text, java.nio.file.@Nullable Path base) {
        String s = text.strip();
        if (s.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) { //$NON-NLS-1$
            return URI.create(s);
        }
        java.nio.file.Path p = base == null ? java.nio.file.Path.of(s) : base.resolve(s);
        return p.toAbsolutePath().normalize().toUri();
    }

    /** The p2 profile of this installation (its id), for messages. */
    public String profileId() {
        return profile.getProfileId();
    }

    /**
     * Looks for newer versions of the installation's root units on {@code sites}.
     *
     * @throws UpdateException naming the site when one cannot be read (no repository there, unreachable, damaged), or
     *             when p2 finds no consistent way to update
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public Plan check(List<URI> sites, IProgressMonitor monitor) throws UpdateException {
        if (sites.isEmpty()) {
            throw new UpdateException(Messages.format("noSite")); //$NON-NLS-1$
        }
        SubMonitor sub = SubMonitor.convert(monitor, Messages.format("checking"), sites.size() * 2 + 10); //$NON-NLS-1$
        IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
        for (URI site : sites) {
            try {
                metadata.loadRepository(site, sub.split(1));
                artifacts.loadRepository(site, sub.split(1));
            } catch (ProvisionException e) {
                throw new UpdateException(Messages.format("badSite", site, e.getMessage()), e); //$NON-NLS-1$
            }
        }
        ProvisioningSession session = new ProvisioningSession(agent);
        UpdateOperation operation = new UpdateOperation(session);
        operation.setProfileId(profile.getProfileId());
        ProvisioningContext context = new ProvisioningContext(agent);
        URI[] repos = sites.toArray(URI[]::new);
        context.setMetadataRepositories(repos);
        context.setArtifactRepositories(repos);
        operation.setProvisioningContext(context);
        IStatus status = operation.resolveModal(sub.split(10));
        if (status.getSeverity() == IStatus.CANCEL) {
            throw new OperationCanceledException();
        }
        if (status.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
            return new Plan(operation, List.of(), sites);
        }
        if (status.getSeverity() == IStatus.ERROR) {
            throw new UpdateException(Messages.format("unresolved", sites.get(0), describe(status))); //$NON-NLS-1$
        }
        List<Change> changes = new ArrayList<>();
        for (Update u : operation.getSelectedUpdates()) {
            IInstallableUnit to = u.replacement;
            String name = to.getProperty(IInstallableUnit.PROP_NAME, null);
            changes.add(new Change(to.getId(), name == null || name.startsWith("%") ? "" : name, //$NON-NLS-1$ //$NON-NLS-2$
                    u.toUpdate.getVersion().toString(), to.getVersion().toString()));
        }
        changes.sort(Comparator.comparing(Change::id));
        return new Plan(operation, changes, sites);
    }

    /**
     * Installs what {@code plan} found. The new bundles are used after a restart.
     *
     * @throws UpdateException when p2 cannot fetch or install them (the installation is left as it was: p2 commits
     *             the profile only at the end)
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public void install(Plan plan, IProgressMonitor monitor) throws UpdateException {
        if (plan.changes().isEmpty()) {
            return;
        }
        ProvisioningJob job = plan.operation.getProvisioningJob(monitor);
        if (job == null) {
            throw new UpdateException(Messages.format("unresolved", plan.sites().get(0), describe(plan.operation.getResolutionResult()))); //$NON-NLS-1$
        }
        IStatus status = job.runModal(monitor);
        if (status.getSeverity() == IStatus.CANCEL) {
            throw new OperationCanceledException();
        }
        if (status.getSeverity() == IStatus.ERROR) {
            throw new UpdateException(Messages.format("installFailed", plan.sites().get(0), describe(status))); //$NON-NLS-1$
        }
    }

    /** A status with its children on one line each, for a message a person reads. */
    static String describe(@Nullable IStatus status) {
        if (status == null) {
            return ""; //$NON-NLS-1$
        }
        StringBuilder sb = new StringBuilder(status.getMessage());
        for (IStatus child : status.getChildren()) {
            String c = describe(child);
            if (!c.isBlank() && sb.indexOf(c) < 0) {
                sb.append("\n  ").append(c.replace("\n", "\n  ")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            }
        }
        return sb.toString();
    }
}
