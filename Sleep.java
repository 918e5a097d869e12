public class Sleep { public static void main(String[] a) throws Exception { Thread.sleep(3000);} }
