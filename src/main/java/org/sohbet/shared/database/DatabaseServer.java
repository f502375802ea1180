package org.sohbet.shared.database;

/** Where the one PostgreSQL database is: the embedded server, or an external one. */
interface DatabaseServer extends AutoCloseable {

    String jdbcUrl();

    String user();

    String password();

    boolean embedded();

    @Override
    void close();

    static DatabaseServer external(String url, String user, String password) {
        return new DatabaseServer() {
            @Override
            public String jdbcUrl() {
                return url;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public boolean embedded() {
                return false;
            }

            @Override
            public void close() {}
        };
    }
}
