/** `postbuild`: marks the current sources as built, so `npm start` does not build them again. */
import { writeBuildStamp } from './build'

writeBuildStamp(process.cwd())
