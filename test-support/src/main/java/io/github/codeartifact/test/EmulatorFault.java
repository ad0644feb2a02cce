package io.github.codeartifact.test;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A misbehaviour the emulator can inject into its API operations, queued with
 * {@link CodeArtifactEmulator#enqueueFault(EmulatorFault, int)}.
 * <p>
 * Instances are immutable; {@link #retryAfter(Duration)} and {@link #forOperation(Operation)}
 * return changed copies.
 */
public final class EmulatorFault {

	private final Kind kind;

	private final @Nullable CodeArtifactError error;

	private final int status;

	private final @Nullable Duration duration;

	private final @Nullable Duration retryAfter;

	private final @Nullable Operation operation;

	private EmulatorFault(Kind kind, @Nullable CodeArtifactError error, int status, @Nullable Duration duration,
			@Nullable Duration retryAfter, @Nullable Operation operation) {
		this.kind = kind;
		this.error = error;
		this.status = status;
		this.duration = duration;
		this.retryAfter = retryAfter;
		this.operation = operation;
	}

	/**
	 * A modeled error: its status, {@code x-amzn-ErrorType} and a {@code message} body.
	 * @param error the error
	 * @return the fault
	 */
	public static EmulatorFault error(CodeArtifactError error) {
		Objects.requireNonNull(error, "error");
		return new EmulatorFault(Kind.ERROR, error, error.status(), null, null, null);
	}

	/**
	 * A bare HTTP status without a modeled error type, such as 503.
	 * @param status the HTTP status
	 * @return the fault
	 */
	public static EmulatorFault status(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("Not an HTTP status: " + status);
		}
		return new EmulatorFault(Kind.STATUS, null, status, null, null, null);
	}

	/**
	 * Added latency (real, wall-clock time) before the normal answer.
	 * @param latency how long to hold the answer back
	 * @return the fault
	 */
	public static EmulatorFault latency(Duration latency) {
		requireNotNegative(latency, "latency");
		return new EmulatorFault(Kind.LATENCY, null, 0, latency, null, null);
	}

	/**
	 * The normal answer, status line to last byte, sent one byte every {@code interval} of real
	 * (wall-clock) time. Each byte restarts the client's socket read timeout, so when the interval
	 * is shorter than that timeout only a deadline on the whole call (the SDK's
	 * {@code apiCallAttemptTimeout} or {@code apiCallTimeout}) ends it. The emulator stops writing
	 * when the client drops the connection or the emulator is closed.
	 * @param interval the time between two bytes, positive
	 * @return the fault
	 */
	public static EmulatorFault drip(Duration interval) {
		requireNotNegative(interval, "interval");
		if (interval.isZero()) {
			throw new IllegalArgumentException("interval must be positive");
		}
		return new EmulatorFault(Kind.DRIP, null, 0, interval, null, null);
	}

	/**
	 * A TCP reset instead of an answer.
	 * @return the fault
	 */
	public static EmulatorFault connectionReset() {
		return new EmulatorFault(Kind.CONNECTION_RESET, null, 0, null, null, null);
	}

	/**
	 * A 200 answer whose JSON body is cut off.
	 * @return the fault
	 */
	public static EmulatorFault malformedBody() {
		return new EmulatorFault(Kind.MALFORMED_BODY, null, 200, null, null, null);
	}

	/**
	 * A 200 answer with an empty JSON object {@code {}}.
	 * @return the fault
	 */
	public static EmulatorFault missingFields() {
		return new EmulatorFault(Kind.MISSING_FIELDS, null, 200, null, null, null);
	}

	/**
	 * A GetAuthorizationToken answer whose token expired a minute ago.
	 * @return the fault
	 */
	public static EmulatorFault expiredToken() {
		return new EmulatorFault(Kind.EXPIRED_TOKEN, null, 200, null, null, Operation.GET_AUTHORIZATION_TOKEN);
	}

	/**
	 * A GetAuthorizationToken answer whose token expires after the given time.
	 * @param lifetime the token lifetime
	 * @return the fault
	 */
	public static EmulatorFault expiringIn(Duration lifetime) {
		requireNotNegative(lifetime, "lifetime");
		return new EmulatorFault(Kind.EXPIRING_TOKEN, null, 200, lifetime, null, Operation.GET_AUTHORIZATION_TOKEN);
	}

	/**
	 * Returns a copy that also sends a {@code Retry-After} header (whole seconds). Only
	 * for {@link #error(CodeArtifactError) errors} and {@link #status(int) statuses}.
	 * @param retryAfter the advertised wait
	 * @return the changed copy
	 */
	public EmulatorFault retryAfter(Duration retryAfter) {
		requireNotNegative(retryAfter, "retryAfter");
		if (this.kind != Kind.ERROR && this.kind != Kind.STATUS) {
			throw new IllegalStateException("Retry-After only goes with an error or a status, not " + this.kind);
		}
		return new EmulatorFault(this.kind, this.error, this.status, this.duration, retryAfter, this.operation);
	}

	/**
	 * Returns a copy that only applies to one API operation.
	 * @param operation the operation
	 * @return the changed copy
	 */
	public EmulatorFault forOperation(Operation operation) {
		if (!operation.isApiOperation()) {
			throw new IllegalArgumentException("Faults apply to API operations only, not " + operation);
		}
		if (this.operation != null && this.operation != operation) {
			throw new IllegalStateException(this.kind + " only applies to " + this.operation);
		}
		return new EmulatorFault(this.kind, this.error, this.status, this.duration, this.retryAfter, operation);
	}

	/**
	 * Returns what kind of fault this is.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the modeled error of an {@link Kind#ERROR} fault.
	 * @return the error or {@code null}
	 */
	public @Nullable CodeArtifactError error() {
		return this.error;
	}

	/**
	 * Returns the HTTP status the fault answers with ({@code 0} when it does not decide it).
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns the latency, the drip interval or the token lifetime of the fault.
	 * @return the duration or {@code null}
	 */
	public @Nullable Duration duration() {
		return this.duration;
	}

	/**
	 * Returns the advertised {@code Retry-After}.
	 * @return the wait or {@code null} when none is sent
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Returns the operation the fault is restricted to.
	 * @return the operation or {@code null} for every API operation
	 */
	public @Nullable Operation operation() {
		return this.operation;
	}

	boolean appliesTo(Operation candidate) {
		return candidate.isApiOperation() && (this.operation == null || this.operation == candidate);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.kind.name());
		if (this.error != null) {
			text.append(' ').append(this.error.errorType());
		}
		else if (this.kind == Kind.STATUS) {
			text.append(' ').append(this.status);
		}
		if (this.duration != null) {
			text.append(' ').append(this.duration);
		}
		if (this.retryAfter != null) {
			text.append(" Retry-After ").append(this.retryAfter.toSeconds());
		}
		if (this.operation != null) {
			text.append(" on ").append(this.operation.operationName());
		}
		return text.toString();
	}

	private static void requireNotNegative(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative");
		}
	}

	/**
	 * The kinds of fault.
	 */
	public enum Kind {

		/**
		 * A modeled CodeArtifact error.
		 */
		ERROR,

		/**
		 * A bare HTTP status.
		 */
		STATUS,

		/**
		 * Added latency, then the normal answer.
		 */
		LATENCY,

		/**
		 * The normal answer, one byte at a time.
		 */
		DRIP,

		/**
		 * A TCP reset.
		 */
		CONNECTION_RESET,

		/**
		 * A 200 with broken JSON.
		 */
		MALFORMED_BODY,

		/**
		 * A 200 with {@code {}}.
		 */
		MISSING_FIELDS,

		/**
		 * A token that has already expired.
		 */
		EXPIRED_TOKEN,

		/**
		 * A token that expires soon.
		 */
		EXPIRING_TOKEN

	}

}
