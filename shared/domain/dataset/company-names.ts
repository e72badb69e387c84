/** Word lists for deterministic, company-like names of synthetic accounts and reps. */

/** Common US surnames (mixed origins, so names look like a real CRM). */
export const SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Chen', 'Kim', 'Patel', 'Shah', 'Murphy', 'Cohen', 'Schmidt', 'Kowalski', 'Olsen', 'Novak',
  'Brooks', 'Reed', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Foster', 'Ortiz', 'Sullivan',
];

/** Given names for reps. */
export const GIVEN_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Maria',
  'Daniel', 'Karen', 'Matthew', 'Nancy', 'Anthony', 'Lisa', 'Mark', 'Betty', 'Luis', 'Sandra',
  'Kevin', 'Ashley', 'Brian', 'Emily', 'Wei', 'Mei', 'Raj', 'Priya', 'Ahmed', 'Fatima',
  'Andre', 'Keisha', 'Tyler', 'Megan', 'Diego', 'Sofia', 'Hiroshi', 'Yuki', 'Omar', 'Grace',
];

/** Place-like first words ("Blue Ridge", "Harbor"). */
export const PLACE_WORDS = [
  'Summit', 'Harbor', 'Pinecrest', 'Blue Ridge', 'Riverside', 'Lakeview', 'Redwood', 'Granite', 'Prairie',
  'Cedar', 'Silver Creek', 'Northstar', 'Eagle', 'Keystone', 'Liberty', 'Pioneer', 'Sunbelt', 'Coastal',
  'Heartland', 'Frontier', 'Magnolia', 'Canyon', 'Bayside', 'Evergreen', 'Ironwood', 'Golden Gate',
  'Mesa', 'Oakmont', 'Highland', 'Meridian', 'Atlas', 'Beacon', 'Crescent', 'Falcon', 'Horizon', 'Vista',
];

/** Generic company words ("Group", "Partners"). */
export const GENERIC_WORDS = ['Group', 'Partners', 'Holdings', 'Enterprises', 'Associates', 'Company', 'Solutions', 'Works'];

/** Legal suffixes, '' most often. */
export const LEGAL_SUFFIXES = ['', '', '', 'LLC', 'Inc.', 'Co.', 'Corp.', 'LLP'];
