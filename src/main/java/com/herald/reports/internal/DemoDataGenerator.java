package com.herald.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Generates the demo dataset into a schema: regions, customers with segments, products with categories,
 * orders and order lines over two years ending on {@code lastDay}. The same seed and size give the same
 * rows (dates are relative to {@code lastDay}). Rows go in as multi-row INSERTs of a few thousand rows,
 * in one transaction, with secondary indexes added at the end.
 */
final class DemoDataGenerator {

    static final long SEED = 20_260_101L;
    static final String[][] REGIONS = {
        {"EMEA", "Europe, Middle East and Africa"},
        {"NA", "North America"},
        {"LATAM", "Latin America"},
        {"APAC", "Asia Pacific"}
    };
    static final String[] SEGMENTS = {"Consumer", "Small business", "Enterprise", "Public sector"};
    static final String[] CATEGORIES = {"Hardware", "Software", "Accessories", "Services", "Supplies"};
    private static final String[][] COUNTRIES = {
        {"DE", "FR", "GB", "NL", "ES", "IT", "SE", "ZA", "AE"},
        {"US", "CA"},
        {"BR", "MX", "AR", "CL", "CO"},
        {"JP", "AU", "SG", "IN", "KR", "NZ"}
    };
    private static final String[] FIRST = {
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Tyrell", "Cyberdyne", "Soylent",
        "Hooli", "Vandelay", "Pied Piper", "Monarch", "Aperture", "Oscorp", "Dunder", "Gringotts", "Nakatomi", "Zorg"
    };
    private static final String[] SECOND = {
        "Industries", "Trading", "Labs", "Logistics", "Foods", "Systems", "Partners", "Retail", "Holdings", "Works"
    };
    private static final String[] NOUNS = {
        "Laptop", "Monitor", "Keyboard", "Mouse", "Dock", "Headset", "Licence", "Subscription", "Cable", "Charger",
        "Printer", "Toner", "Paper", "Webcam", "Router", "Support plan", "Installation", "Training", "Tablet", "Phone"
    };
    private static final String[] ADJECTIVES = {"Basic", "Pro", "Ultra", "Compact", "Max", "Eco", "Plus", "Prime"};
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int BATCH = 2000;

    private DemoDataGenerator() {}

    /** Creates the tables in {@code schema} (which must exist and be empty) and fills them. */
    static void generate(Connection connection, String schema, int orderLines, LocalDate lastDay) throws SQLException {
        Random random = new Random(SEED);
        boolean autoCommit = connection.getAutoCommit();
        try (Statement st = connection.createStatement()) {
            String s = "`" + schema + "`.";
            st.execute("CREATE TABLE " + s + "regions (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, "
                    + "name VARCHAR(60) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE " + s + "customers (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                    + "email VARCHAR(200) NOT NULL, segment VARCHAR(30) NOT NULL, region_id INT NOT NULL, "
                    + "country CHAR(2) NOT NULL, created_on DATE NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE " + s + "products (id INT NOT NULL PRIMARY KEY, sku VARCHAR(20) NOT NULL, "
                    + "name VARCHAR(100) NOT NULL, category VARCHAR(30) NOT NULL, unit_price DECIMAL(10,2) NOT NULL) "
                    + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE " + s + "orders (id INT NOT NULL PRIMARY KEY, customer_id INT NOT NULL, "
                    + "order_date DATETIME NOT NULL, status VARCHAR(12) NOT NULL, shipped_at DATETIME NULL) "
                    + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE " + s + "order_lines (id INT NOT NULL PRIMARY KEY, order_id INT NOT NULL, "
                    + "product_id INT NOT NULL, quantity INT NOT NULL, unit_price DECIMAL(10,2) NOT NULL, "
                    + "discount DECIMAL(4,2) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE " + s + "demo_info (id INT NOT NULL PRIMARY KEY, seed BIGINT NOT NULL, "
                    + "order_lines INT NOT NULL, last_day DATE NOT NULL, generated_at DATETIME NOT NULL) "
                    + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            connection.setAutoCommit(false);

            Rows rows = new Rows(st, s + "regions (id, code, name)");
            for (int i = 0; i < REGIONS.length; i++) {
                rows.add((i + 1) + ",'" + REGIONS[i][0] + "','" + REGIONS[i][1] + "'");
            }
            rows.flush();

            int customers = Math.max(50, orderLines / 100);
            LocalDate firstDay = lastDay.minusDays(729);
            rows = new Rows(st, s + "customers (id, name, email, segment, region_id, country, created_on)");
            int[] customerRegion = new int[customers + 1];
            for (int id = 1; id <= customers; id++) {
                int region = pick(random, new int[] {40, 30, 10, 20});
                customerRegion[id] = region;
                String name =
                        FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)] + " " + id;
                String country = COUNTRIES[region][random.nextInt(COUNTRIES[region].length)];
                rows.add(id + ",'" + name + "','contact" + id + "@example.com','"
                        + SEGMENTS[pick(random, new int[] {45, 30, 15, 10})] + "'," + (region + 1) + ",'" + country
                        + "','" + firstDay.minusDays(random.nextInt(1500)) + "'");
            }
            rows.flush();

            int productCount = 200;
            BigDecimal[] prices = new BigDecimal[productCount + 1];
            rows = new Rows(st, s + "products (id, sku, name, category, unit_price)");
            for (int id = 1; id <= productCount; id++) {
                int category = random.nextInt(CATEGORIES.length);
                prices[id] = BigDecimal.valueOf(2 + random.nextInt(150_000) / 100.0 * (category == 0 ? 1 : 0.3))
                        .setScale(2, RoundingMode.HALF_UP);
                rows.add(id + ",'SKU-" + (10_000 + id) + "','" + ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " "
                        + NOUNS[random.nextInt(NOUNS.length)] + " " + id + "','" + CATEGORIES[category] + "',"
                        + prices[id]);
            }
            rows.flush();

            Rows orders = new Rows(st, s + "orders (id, customer_id, order_date, status, shipped_at)");
            Rows lines = new Rows(st, s + "order_lines (id, order_id, product_id, quantity, unit_price, discount)");
            LocalDateTime end = lastDay.plusDays(1).atStartOfDay();
            long spanMinutes =
                    java.time.Duration.between(firstDay.atStartOfDay(), end).toMinutes();
            int lineId = 0;
            int orderId = 0;
            while (lineId < orderLines) {
                orderId++;
                // orders get denser over time (growth), spread over the whole two years
                double position = Math.sqrt(random.nextDouble());
                LocalDateTime orderedAt = end.minusMinutes((long) ((1 - position) * spanMinutes) + 1);
                long ageDays = java.time.Duration.between(orderedAt, end).toDays();
                String status;
                String shippedAt;
                int roll = random.nextInt(100);
                if (roll < 3) {
                    status = "cancelled";
                    shippedAt = "NULL";
                } else if (ageDays < 3 || (ageDays < 10 && roll < 30)) {
                    status = "pending";
                    shippedAt = "NULL";
                } else {
                    status = ageDays < 14 ? "shipped" : "delivered";
                    shippedAt =
                            "'" + orderedAt.plusHours(4 + random.nextInt(70)).format(SQL_TIME) + "'";
                }
                orders.add(orderId + "," + (1 + random.nextInt(customers)) + ",'" + orderedAt.format(SQL_TIME) + "','"
                        + status + "'," + shippedAt);
                int count = 1 + random.nextInt(5);
                for (int k = 0; k < count && lineId < orderLines; k++) {
                    lineId++;
                    int product = 1 + random.nextInt(productCount);
                    String discount = random.nextInt(10) == 0 ? "0.10" : "0.00";
                    lines.add(lineId + "," + orderId + "," + product + "," + (1 + random.nextInt(9)) + ","
                            + prices[product] + "," + discount);
                }
            }
            orders.flush();
            lines.flush();
            connection.commit();
            connection.setAutoCommit(true);
            st.execute("ALTER TABLE " + s + "customers ADD INDEX ix_customers_region (region_id)");
            st.execute("ALTER TABLE " + s + "orders ADD INDEX ix_orders_date (order_date), "
                    + "ADD INDEX ix_orders_status (status, order_date), ADD INDEX ix_orders_customer (customer_id)");
            st.execute("ALTER TABLE " + s + "order_lines ADD INDEX ix_lines_order (order_id), "
                    + "ADD INDEX ix_lines_product (product_id)");
            // written last: a start interrupted before this line generates everything again
            st.execute("INSERT INTO " + s + "demo_info (id, seed, order_lines, last_day, generated_at) VALUES (1, "
                    + SEED + ", " + orderLines + ", '" + lastDay + "', NOW())");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int pick(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A multi-row INSERT that flushes every {@value #BATCH} rows. Values are generated, never user input. */
    private static final class Rows {
        private final Statement statement;
        private final String into;
        private final StringBuilder sql = new StringBuilder(256 * BATCH);
        private int count;

        Rows(Statement statement, String into) {
            this.statement = statement;
            this.into = into;
        }

        void add(String values) throws SQLException {
            sql.append(count == 0 ? "INSERT INTO " + into + " VALUES (" : ",(")
                    .append(values)
                    .append(')');
            if (++count == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (count > 0) {
                statement.execute(sql.toString());
                sql.setLength(0);
                count = 0;
            }
        }
    }
}
