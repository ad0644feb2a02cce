package io.github.codeartifact.buildtools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.codeartifact.autoconfigure.InvalidCodeArtifactPropertyException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * The rules of {@code codeartifact.build-tools.repositories.*}: each broken rule is an
 * {@link InvalidCodeArtifactPropertyException} naming the property, the value, the rule and a fix.
 */
final class BuildToolRepositories {

	/** A Maven server id that is safe in XML and on a command line. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

	/** CodeArtifact's pattern for repository names. */
	private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,99}");

	/** npm's rule for a scope: a lower-case package-name part. */
	private static final Pattern SCOPE = Pattern.compile("@[a-z0-9][a-z0-9._~-]{0,213}");

	/** Maven's mirrorOf: ids, '*', 'external:*', 'external:http:*', exclusions with '!', separated by commas. */
	private static final Pattern MIRROR_OF = Pattern.compile("!?[A-Za-z0-9.*:_-]+(,!?[A-Za-z0-9.*:_-]+)*");

	private static final Set<PackageFormat> SUPPORTED = Set.of(PackageFormat.MAVEN, PackageFormat.NPM,
			PackageFormat.PYPI);

	private BuildToolRepositories() {
	}

	/**
	 * Checks the configured repositories.
	 * @param repositories the bound properties, by id
	 * @return the repositories, in the order configured
	 * @throws InvalidCodeArtifactPropertyException naming the first property that breaks its rule
	 */
	static List<BuildToolRepository> of(Map<String, CodeArtifactBuildToolsProperties.Repository> repositories) {
		List<BuildToolRepository> checked = new ArrayList<>();
		Set<String> scopes = new HashSet<>();
		for (Map.Entry<String, CodeArtifactBuildToolsProperties.Repository> entry : repositories.entrySet()) {
			BuildToolRepository repository = of(entry.getKey(), entry.getValue());
			String scope = (repository.scope() != null) ? repository.scope() : "";
			if (repository.format() == PackageFormat.NPM && !scopes.add(scope)) {
				throw invalid(repository.id(), "scope", repository.scope(),
						"must differ from the scope of every other npm repository (one registry per scope, "
								+ "and one without a scope)",
						"Give each npm repository its own scope, or remove all but one of them.");
			}
			checked.add(repository);
		}
		return List.copyOf(checked);
	}

	private static BuildToolRepository of(String id, CodeArtifactBuildToolsProperties.Repository properties) {
		if (!ID.matcher(id).matches()) {
			throw new InvalidCodeArtifactPropertyException(property(id, "repository"), id,
					"must have an id of letters, digits, '.', '_' and '-', starting with a letter or digit",
					"Rename the entry " + CodeArtifactBuildToolsProperties.PREFIX
							+ ".repositories.<id> to an id such as 'codeartifact' (it becomes the Maven server id).");
		}
		String repository = properties.getRepository();
		if (repository == null || !REPOSITORY.matcher(repository).matches()) {
			throw invalid(id, "repository", repository,
					"must be a CodeArtifact repository name: 2 to 100 letters, digits, '.', '_' and '-', "
							+ "starting with a letter or digit",
					"Set " + property(id, "repository") + " to the repository's name, as shown by "
							+ "'aws codeartifact list-repositories-in-domain'.");
		}
		PackageFormat format = format(id, properties.getFormat());
		String scope = scope(id, format, properties.getScope());
		String mirrorOf = properties.getMirrorOf();
		if (mirrorOf != null && (format != PackageFormat.MAVEN || !MIRROR_OF.matcher(mirrorOf).matches())) {
			throw invalid(id, "mirror-of", mirrorOf,
					(format != PackageFormat.MAVEN) ? "applies to maven repositories only, this one is " + format
							: "must be Maven's mirrorOf: repository ids, '*' or 'external:*', separated by commas, "
									+ "'!' to exclude",
					"Set " + property(id, "mirror-of") + " to a value such as '*' or 'central', or remove it.");
		}
		return new BuildToolRepository(id, repository, format, scope, mirrorOf);
	}

	private static PackageFormat format(String id, @Nullable String value) {
		PackageFormat format = (value != null) ? PackageFormat.fromValue(value.strip().toLowerCase(Locale.ROOT))
				: null;
		if (format == null || !SUPPORTED.contains(format)) {
			String known = (format != null && format != PackageFormat.UNKNOWN_TO_SDK_VERSION)
					? " (" + format + " is a CodeArtifact format that build-tool sessions do not configure)" : "";
			throw invalid(id, "format", value, "must be one of maven, npm or pypi" + known,
					"Set " + property(id, "format") + " to maven, npm or pypi.");
		}
		return format;
	}

	private static @Nullable String scope(String id, PackageFormat format, @Nullable String value) {
		if (value == null) {
			return null;
		}
		String scope = value.startsWith("@") ? value : "@" + value;
		if (format != PackageFormat.NPM || !SCOPE.matcher(scope).matches()) {
			throw invalid(id, "scope", value,
					(format != PackageFormat.NPM) ? "applies to npm repositories only, this one is " + format
							: "must be an npm scope: lower-case letters, digits, '.', '_', '~' and '-', "
									+ "with or without the leading '@'",
					"Set " + property(id, "scope") + " to a scope such as '@my-org', or remove it.");
		}
		return scope;
	}

	private static InvalidCodeArtifactPropertyException invalid(String id, String name, @Nullable Object value,
			String rule, String action) {
		return new InvalidCodeArtifactPropertyException(property(id, name), value, rule, action);
	}

	private static String property(String id, String name) {
		return CodeArtifactBuildToolsProperties.PREFIX + ".repositories." + id + "." + name;
	}

}
