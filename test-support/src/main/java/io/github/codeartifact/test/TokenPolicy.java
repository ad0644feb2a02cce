package io.github.codeartifact.test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Decides when an issued token expires.
 */
final class TokenPolicy {

	static final Duration DEFAULT_DURATION = Duration.ofHours(12);

	// An expiredToken fault reports a token that died a minute before it was issued.
	private static final Duration ALREADY_EXPIRED = Duration.ofMinutes(1);

	private volatile @Nullable Duration forcedLifetime;

	private volatile Duration roleCredentialExpiry;

	TokenPolicy(Duration roleCredentialExpiry) {
		this.roleCredentialExpiry = roleCredentialExpiry;
	}

	void forceLifetime(@Nullable Duration lifetime) {
		if (lifetime != null && lifetime.isNegative()) {
			throw new IllegalArgumentException("lifetime must not be negative");
		}
		this.forcedLifetime = lifetime;
	}

	void roleCredentialExpiry(Duration expiry) {
		Objects.requireNonNull(expiry, "expiry");
		if (expiry.isNegative()) {
			throw new IllegalArgumentException("expiry must not be negative");
		}
		this.roleCredentialExpiry = expiry;
	}

	/**
	 * Returns the expiration of a token issued now.
	 * @param now the issue time
	 * @param durationSeconds the validated {@code duration} parameter, or {@code null}
	 * @param fault the fault being applied, or {@code null}
	 * @return the expiration, to the millisecond
	 */
	Instant expiration(Instant now, @Nullable Long durationSeconds, @Nullable EmulatorFault fault) {
		return now.plus(lifetime(durationSeconds, fault)).truncatedTo(ChronoUnit.MILLIS);
	}

	private Duration lifetime(@Nullable Long durationSeconds, @Nullable EmulatorFault fault) {
		if (fault != null && fault.kind() == EmulatorFault.Kind.EXPIRED_TOKEN) {
			return ALREADY_EXPIRED.negated();
		}
		if (fault != null && fault.kind() == EmulatorFault.Kind.EXPIRING_TOKEN && fault.duration() != null) {
			return fault.duration();
		}
		Duration forced = this.forcedLifetime;
		if (forced != null) {
			return forced;
		}
		if (durationSeconds == null) {
			return DEFAULT_DURATION;
		}
		return (durationSeconds == 0) ? this.roleCredentialExpiry : Duration.ofSeconds(durationSeconds);
	}

}
