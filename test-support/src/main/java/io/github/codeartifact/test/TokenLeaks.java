package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for the tokens a {@link CodeArtifactEmulator} issued in text that a person or a log
 * collector could see (captured output, HTTP answers, exception messages, {@code toString()}), for
 * leak-scan tests.
 * <p>
 * A place shows a token when its text contains one of the tokens the application received (and,
 * with {@link #alsoAsBasicCredentials()}, the {@code Basic} credentials
 * {@code base64("aws:" + token)} made of one), or when it holds a run of 100 or more token
 * characters ({@code [A-Za-z0-9_-]}) that the emulator issued, received by the application or not.
 */
public final class TokenLeaks {

	/** Runs of token characters long enough to be a token: the emulator's are 1067 characters. */
	private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{100,}");

	private final CodeArtifactEmulator emulator;

	private final List<String> received;

	private final boolean basicCredentials;

	private TokenLeaks(CodeArtifactEmulator emulator, List<String> received, boolean basicCredentials) {
		this.emulator = emulator;
		this.received = received;
		this.basicCredentials = basicCredentials;
	}

	/**
	 * Creates a search for the tokens that {@code emulator} issued.
	 * @param emulator the emulator that issued the tokens
	 * @param received the tokens the application received, looked for as they are
	 * @return the search
	 */
	public static TokenLeaks of(CodeArtifactEmulator emulator, Collection<String> received) {
		return new TokenLeaks(emulator, List.copyOf(received), false);
	}

	/**
	 * Returns a search that also looks for each received token as the value of {@code Basic}
	 * credentials, {@code base64("aws:" + token)}.
	 * @return the search
	 */
	public TokenLeaks alsoAsBasicCredentials() {
		return new TokenLeaks(this.emulator, this.received, true);
	}

	/**
	 * Returns the places that show a token, in the order of {@code places}: a place once for each
	 * received token it contains, and once more, as {@code place + " (a token " + receiver + " never
	 * received)"}, for each run of token characters in it that the emulator issued.
	 * @param places the text of each place, by the name of the place
	 * @param receiver how to name the application in the description of an issued token found by
	 * its shape, such as {@code "the application"}
	 * @return the places that show a token, empty when none does
	 */
	public List<String> in(Map<String, String> places, String receiver) {
		List<String> leaks = new ArrayList<>();
		places.forEach((place, text) -> {
			for (String token : this.received) {
				if (text.contains(token) || (this.basicCredentials && text.contains(basicCredentials(token)))) {
					leaks.add(place);
				}
			}
			Matcher matcher = TOKEN_LIKE.matcher(text);
			while (matcher.find()) {
				if (this.emulator.isIssuedToken(matcher.group())) {
					leaks.add(place + " (a token " + receiver + " never received)");
				}
			}
		});
		return leaks;
	}

	private static String basicCredentials(String token) {
		return Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
	}

}
