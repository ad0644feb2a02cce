package io.github.codeartifact.buildtools;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * A checked {@code codeartifact.build-tools.repositories.<id>} entry.
 *
 * @param id the id: the Maven server id, the key of the property
 * @param repository the CodeArtifact repository name
 * @param format {@link PackageFormat#MAVEN}, {@link PackageFormat#NPM} or {@link PackageFormat#PYPI}
 * @param scope the npm scope with its {@code @}, or {@code null}
 * @param mirrorOf the Maven {@code mirrorOf}, or {@code null}
 */
public record BuildToolRepository(String id, String repository, PackageFormat format, @Nullable String scope,
		@Nullable String mirrorOf) {

	public BuildToolRepository {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(repository, "repository must not be null");
		Objects.requireNonNull(format, "format must not be null");
	}

}
