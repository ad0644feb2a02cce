package io.github.codeartifact.buildtools;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where one login file stands, as the actuator shows it. It never holds the token.
 *
 * @param kind the file's kind, such as {@code maven-settings}
 * @param path the file's path
 * @param outcome how the last write ended, or {@code null} before the first one
 * @param lastWrite when the last write ended, or {@code null} before the first one
 * @param reason why the last write did not succeed and what to do, or {@code null}
 */
public record LoginFileStatus(String kind, String path, @Nullable LoginFileOutcome outcome,
		@Nullable Instant lastWrite, @Nullable String reason) {
}
