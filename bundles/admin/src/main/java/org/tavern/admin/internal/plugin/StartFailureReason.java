package org.tavern.admin.internal.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/**
 * Why a plugin bundle did not start, as half a line an owner can act on: the packages (or other
 * requirements) nothing installed provides, naming the versions that are there when only the version
 * is wrong (a plugin built against another API), or the exception its activator threw. Felix's own
 * resolver message is one long line of filters and revision numbers; this says the same in words.
 */
final class StartFailureReason {

    private static final Pattern FILTER_NAME = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern FILTER_AT_LEAST = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern FILTER_BELOW = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final int MAX_LENGTH = 400;

    private StartFailureReason() {
    }

    static String of(Bundle bundle, BundleException failure, BundleContext context) {
        if (failure.getType() == BundleException.RESOLVE_ERROR) {
            List<String> missing = unprovided(bundle, context);
            if (!missing.isEmpty()) {
                return oneLine("it needs " + String.join("; ", missing));
            }
        }
        if (failure.getType() == BundleException.ACTIVATOR_ERROR && failure.getCause() != null) {
            return oneLine("its activator threw " + describe(rootCause(failure)));
        }
        return oneLine(failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }

    /** Mandatory requirements of the bundle's current revision that no installed bundle can satisfy. */
    private static List<String> unprovided(Bundle bundle, BundleContext context) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> missing = new ArrayList<>();
        if (revision == null) {
            return missing;
        }
        for (Requirement requirement : revision.getRequirements(null)) {
            Map<String, String> directives = requirement.getDirectives();
            boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            String effective = directives.getOrDefault(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE, Namespace.EFFECTIVE_RESOLVE);
            if (optional || !Namespace.EFFECTIVE_RESOLVE.equals(effective)) {
                continue;
            }
            Collection<BundleCapability> providers = wiring.findProviders(requirement);
            if (providers.isEmpty()) {
                missing.add(describe(requirement, bundle, context));
            }
        }
        return missing;
    }

    private static String describe(Requirement requirement, Bundle bundle, BundleContext context) {
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        if (!PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace())) {
            return requirement.getNamespace() + " " + filter + ", which nothing installed provides";
        }
        String name = group(FILTER_NAME, filter);
        if (name == null) {
            return "a package matching " + filter + ", which nothing installed exports";
        }
        String range = range(filter);
        TreeSet<Version> exported = exportedVersions(name, bundle, context);
        if (exported.isEmpty()) {
            return "package " + name + range + ", which nothing installed exports";
        }
        List<String> versions = exported.stream().map(Version::toString).toList();
        return "package " + name + range + ", but the server has it only at version " + String.join(", ", versions);
    }

    /** The import's version range as written in the filter bnd generates, e.g. " [1.2,2)"; empty if any version. */
    private static String range(String filter) {
        String atLeast = group(FILTER_AT_LEAST, filter.replaceAll("\\(!\\(version>=[^)]+\\)\\)", ""));
        String below = group(FILTER_BELOW, filter);
        if (atLeast == null && below == null) {
            return "";
        }
        return " [" + (atLeast == null ? "0" : atLeast) + "," + (below == null ? "\u221e" : below) + ")";
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The versions at which other installed bundles export {@code packageName}. */
    private static TreeSet<Version> exportedVersions(String packageName, Bundle importer, BundleContext context) {
        TreeSet<Version> versions = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (bundle.getBundleId() == importer.getBundleId() || revision == null) {
                continue;
            }
            for (BundleCapability export : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (packageName.equals(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    Object version = export.getAttributes().get(Constants.VERSION_ATTRIBUTE);
                    versions.add(version instanceof Version v ? v : Version.emptyVersion);
                }
            }
        }
        return versions;
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Log lines stay lines: a reason never carries a newline, and a runaway message is cut. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return flat.length() <= MAX_LENGTH ? flat : flat.substring(0, MAX_LENGTH) + "...";
    }
}
