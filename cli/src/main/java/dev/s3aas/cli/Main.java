package dev.s3aas.cli;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("s3aas");
    }
}
