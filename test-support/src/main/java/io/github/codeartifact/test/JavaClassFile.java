package io.github.codeartifact.test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the bytes of a Java 17 class with one method, {@code public static String
 * version()}, that returns a constant: real code for a seeded jar without needing a
 * compiler at run time.
 */
final class JavaClassFile {

	private static final int JAVA_17 = 61;

	private static final int ACC_PUBLIC = 0x0001;

	private static final int ACC_STATIC = 0x0008;

	private static final int ACC_SUPER = 0x0020;

	private static final int CONSTANT_UTF8 = 1;

	private static final int CONSTANT_CLASS = 7;

	private static final int CONSTANT_STRING = 8;

	private static final byte[] RETURN_CONSTANT_9 = { 0x12, 9, (byte) 0xB0 };

	private JavaClassFile() {
	}

	/**
	 * Writes the class.
	 * @param binaryName the class name with slashes, such as {@code com/example/Version}
	 * @param version what {@code version()} returns
	 * @return the class file bytes
	 */
	static byte[] withVersionMethod(String binaryName, String version) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(0xCAFEBABE);
			out.writeShort(0);
			out.writeShort(JAVA_17);
			out.writeShort(10);
			utf8(out, binaryName); // 1
			classRef(out, 1); // 2
			utf8(out, "java/lang/Object"); // 3
			classRef(out, 3); // 4
			utf8(out, "version"); // 5
			utf8(out, "()Ljava/lang/String;"); // 6
			utf8(out, "Code"); // 7
			utf8(out, version); // 8
			out.writeByte(CONSTANT_STRING); // 9
			out.writeShort(8);
			out.writeShort(ACC_PUBLIC | ACC_SUPER);
			out.writeShort(2);
			out.writeShort(4);
			out.writeShort(0); // interfaces
			out.writeShort(0); // fields
			out.writeShort(1); // methods
			out.writeShort(ACC_PUBLIC | ACC_STATIC);
			out.writeShort(5);
			out.writeShort(6);
			out.writeShort(1); // the Code attribute
			out.writeShort(7);
			out.writeInt(12 + RETURN_CONSTANT_9.length);
			out.writeShort(1); // max stack
			out.writeShort(0); // max locals
			out.writeInt(RETURN_CONSTANT_9.length);
			out.write(RETURN_CONSTANT_9);
			out.writeShort(0); // exception table
			out.writeShort(0); // code attributes
			out.writeShort(0); // class attributes
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void utf8(DataOutputStream out, String value) throws IOException {
		out.writeByte(CONSTANT_UTF8);
		out.writeUTF(value);
	}

	private static void classRef(DataOutputStream out, int nameIndex) throws IOException {
		out.writeByte(CONSTANT_CLASS);
		out.writeShort(nameIndex);
	}

}
