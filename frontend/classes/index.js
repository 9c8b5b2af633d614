// Entry point of the class pages: start a class (/classes), its live dashboard (/classes/{id}), a student's
// view (/join). Each page has one of the three islands.
import { startIsland } from '../app/island.js';
import { initClassStart } from '../app/class-start.js';
import { initClassTeacher } from '../app/class-teacher.js';
import { initClassStudent } from '../app/class-student.js';

startIsland('class-start', initClassStart);
startIsland('class-teacher', initClassTeacher);
startIsland('class-student', initClassStudent);
